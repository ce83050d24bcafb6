package dev.spindle.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser draws it: headless Chromium, with every host name unresolvable so a fetch
 * could not succeed, screenshots the page; the picture must be large and far from blank. Skipped where
 * Chromium is not installed. The screenshot is kept as target/report-screenshot.png to look at.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChromiumRenderTest
{
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 5600;

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheReportOffline() throws Exception
    {
        final Path chromium = onPath("chromium");
        assumeTrue(chromium != null, "chromium is not installed");
        final Path journal = dir.resolve("journal");
        EngineJournal.record(journal, 2_000, 2_500, Duration.ofNanos(300_000), Duration.ofMillis(100), () -> false);
        final Path page = dir.resolve("report.html");
        assertEquals(0, ReportCommandTest.report(journal.toString(), "--out", page.toString()).code());

        final Path png = dir.resolve("report.png");
        final Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + dir.resolve("profile"),
            "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + png, page.toUri().toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(browser.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, browser.exitValue(), () -> read(dir.resolve("chromium.log")));

        final BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(WIDTH, shot.getWidth());
        assertEquals(HEIGHT, shot.getHeight());
        final Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < shot.getHeight(); y += 2)
        {
            for (int x = 0; x < shot.getWidth(); x += 2)
            {
                final int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                ink += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        final double inked = ink / (WIDTH / 2.0 * HEIGHT / 2.0);
        assertTrue(colours.size() > 50, "text and charts, not a blank page: " + colours.size() + " colours");
        assertTrue(inked > 0.02, "at least 2% of the page is drawn on: " + inked);
        Files.createDirectories(Paths.get("target"));
        Files.copy(png, Paths.get("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path onPath(final String name)
    {
        for (final String entry : List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)))
        {
            final Path candidate = Paths.get(entry.isEmpty() ? "." : entry, name);
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException e)
        {
            return "(no log: " + e + ")";
        }
    }
}
