package dev.spindle.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.json.Json;
import dev.spindle.journal.replay.RunStats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spindle report} on a journal the real engine wrote: a complete offline page, its JSON, and its errors. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReportCommandTest
{
    static final int ITEMS = 3_000;

    @TempDir
    static Path dir;
    static Path journal;
    static RecordedRun run;

    record Exit(int code, String out, String err)
    {
    }

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void recordARun() throws Exception
    {
        journal = dir.resolve("journal");
        EngineJournal.record(journal, ITEMS, 2_500, Duration.ofNanos(300_000), Duration.ofMillis(100), () -> false);
        run = JournalReader.read(journal).runs().get(0);
    }

    static Exit report(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new ReportCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Exit(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void writesOneSelfContainedPageWithEverySection() throws Exception
    {
        final Path page = dir.resolve("report.html");
        final Exit exit = report(journal.toString(), "--out", page.toString());

        assertEquals(0, exit.code(), exit.err());
        assertTrue(exit.out().startsWith("wrote " + page), exit.out());
        final String html = Files.readString(page, StandardCharsets.UTF_8);
        for (final String section : List.of("Summary", "Latency by percentile", "Over time", "Batches", "Tuner decisions", "Journal"))
        {
            assertTrue(html.contains("<h2>" + section + "</h2>"), "section " + section);
        }
        assertTrue(html.contains("spindle test") && html.contains("/test/source") && html.contains("parked"), "run header");
        assertTrue(html.contains(String.format(Locale.ROOT, "%,d submitted", ITEMS)), "item count in the summary");
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("<script") || html.contains("<link")
            || html.contains("url("), "nothing the page would fetch");
        assertTrue(run.decisions().size() > 0 && run.intervals().size() > 5, "the run gave the tuner something to do");
        assertTrue(html.contains("<table>\n<thead><tr><th>interval</th>"), "the decision timeline");

        final Matcher images = Pattern.compile("<img alt=\"([^\"]*)\"[^>]* src=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (images.find())
        {
            count++;
            assertTrue(images.group(2).startsWith("data:image/png;base64,"), () -> "inlined: " + images.group(1));
            final BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(images.group(2).substring("data:image/png;base64,".length()))));
            assertEquals(ReportCharts.WIDTH, image.getWidth(), images.group(1));
            assertEquals(ReportCharts.HEIGHT, image.getHeight(), images.group(1));
        }
        assertEquals(10, count, "percentiles, 4 over time, 3 batch charts, 2 tuner charts");
    }

    @Test
    void jsonCarriesTheSameFiguresAsRunStats()
    {
        final Exit exit = report(journal.toString(), "--out", dir.resolve("json.html").toString(), "--json");

        assertEquals(0, exit.code(), exit.err());
        final String json = exit.out().strip();
        final RunStats stats = RunStats.of(run);
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"), json);
        final Map<?, ?> summary = (Map<?, ?>)Json.read(json);
        assertEquals((long)ITEMS, summary.get("items"), json);
        assertEquals(true, summary.get("closed"), json);
        assertEquals(stats.batches(), summary.get("batches"), json);
        final Map<?, ?> endToEnd = (Map<?, ?>)summary.get("end_to_end");
        assertEquals(stats.endToEnd().count(), endToEnd.get("count"), json);
        assertEquals(stats.endToEnd().p99Nanos(), endToEnd.get("p99_ns"), json);
    }

    @Test
    void badInputIsOneLineAndExitThree() throws Exception
    {
        final Path notAJournal = Files.createDirectories(dir.resolve("empty-dir"));
        final Exit missing = report(notAJournal.toString(), "--out", dir.resolve("x.html").toString());
        assertEquals(3, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("report: "), missing.err());
        assertFalse(Files.exists(dir.resolve("x.html")));

        final Exit noSuchRun = report(journal.toString(), "--out", dir.resolve("y.html").toString(), "--run", "7");
        assertEquals(3, noSuchRun.code());
        assertTrue(noSuchRun.err().contains("no run 7 (the journal has runs 0..0)"), noSuchRun.err());
    }

    @Test
    void usageErrorsExitTwoAndHelpExitsZero()
    {
        assertEquals(2, report(journal.toString()).code(), "--out is required");
        assertEquals(2, report(journal.toString(), "--out", dir.resolve("page.txt").toString()).code(), "--out must be .html");
        final Exit help = report("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--out") && help.out().contains("Exit status"), help.out());
    }
}
