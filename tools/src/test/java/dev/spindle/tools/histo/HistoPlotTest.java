package dev.spindle.tools.histo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code spindle histo plot}: real runs overlaid in PNG, SVG and self-contained HTML, and its refusals. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HistoPlotTest
{
    private static final int ITEMS = 2_000;

    @TempDir
    static Path dir;
    static EngineHlog.Run fast;
    static EngineHlog.Run slow;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void recordRuns() throws IOException
    {
        fast = EngineHlog.record(dir.resolve("fast.hlog"), ITEMS, Duration.ofNanos(20_000), EngineHlog.Layout.TAGGED_RELATIVE);
        slow = EngineHlog.record(dir.resolve("slow.hlog"), ITEMS, Duration.ofNanos(100_000), EngineHlog.Layout.TAGGED_RELATIVE);
    }

    @Test
    void aPngOverlaysOneColouredLinePerRun() throws IOException
    {
        final Path one = dir.resolve("one.png");
        final Path two = dir.resolve("two.png");

        final HistoRun single = HistoRun.of("plot", fast.file().toString(), "--out", one.toString(), "--width", "800", "--height", "500");
        final HistoRun overlaid = HistoRun.of("plot", fast.file().toString(), slow.file().toString(), "--out", two.toString(),
            "--width", "800", "--height", "500");

        assertEquals(HistoExit.OK, overlaid.exitCode(), overlaid.err());
        assertEquals("wrote " + two + ": 2 lines (fast, slow)", overlaid.out().strip(), "endToEnd by default, named after the files");
        final BufferedImage image = ImageIO.read(two.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertEquals(HistoExit.OK, single.exitCode(), single.err());
        assertEquals(1, lineHues(ImageIO.read(one.toFile())).size(), "one run, one line colour");
        assertEquals(2, lineHues(image).size(), "two runs, two line colours");
    }

    @Test
    void anSvgIsWellFormedVectorGraphicsWithALinePerRun() throws Exception
    {
        final Path svg = dir.resolve("runs.svg");

        final HistoRun run = HistoRun.of("plot", fast.file().toString(), slow.file().toString(), "--out", svg.toString());

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        final byte[] bytes = Files.readAllBytes(svg);
        final Document document = parseXml(bytes);
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertEquals("1000px", document.getDocumentElement().getAttribute("width"));
        assertEquals(2, lineStrokes(new String(bytes, StandardCharsets.UTF_8)).size(), "a stroke colour per run");
    }

    @Test
    void htmlIsOnePageThatFetchesNothing() throws Exception
    {
        final Path html = dir.resolve("report.html");

        final HistoRun run = HistoRun.of("plot", fast.file().toString(), slow.file().toString(), "--out", html.toString(),
            "--label", "before", "--label", "after", "--title", "Before & after");

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        final String page = Files.readString(html);
        final Matcher image = Pattern.compile("<img [^>]*src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        assertTrue(image.find(), "the chart is inlined");
        final byte[] svg = Base64.getDecoder().decode(image.group(1));
        assertEquals("svg", parseXml(svg).getDocumentElement().getTagName());
        final String withoutImage = page.replace(image.group(1), "");
        assertFalse(withoutImage.contains("http:") || withoutImage.contains("https:") || withoutImage.contains("//"),
            "no address to fetch: " + withoutImage);
        assertTrue(page.contains("<title>Before &amp; after</title>"), "text is escaped");
        for (final String label : new String[] {"before", "after"})
        {
            final EngineHlog.Run source = label.equals("before") ? fast : slow;
            assertTrue(page.contains("<tr><td>" + label + "</td><td>" + Numbers.count(ITEMS) + "</td>"), page);
            assertTrue(page.contains("<td>" + Numbers.latency(source.total("endToEnd").getValueAtPercentile(99)) + "</td>"), page);
        }
    }

    @Test
    void chosenTagsOfOneRunEachGetALineNamedByTag()
    {
        final Path png = dir.resolve("tags.png");

        final HistoRun run = HistoRun.of("plot", fast.file().toString(), "--tag", "queueWait", "--tag", "endToEnd", "--label", "run",
            "--out", png.toString());

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        assertEquals("wrote " + png + ": 2 lines (run queueWait, run endToEnd)", run.out().strip());
    }

    @Test
    void outputThatCannotBeWrittenIsUsageUpFrontOrAnErrorAfter() throws IOException
    {
        final String file = fast.file().toString();
        HistoRun.of("plot", file, "--out", dir.resolve("chart.pdf").toString()).assertOneLineError(HistoExit.USAGE);
        HistoRun.of("plot", file, "--out", dir.resolve("no/such/dir/chart.png").toString()).assertOneLineError(HistoExit.USAGE);
        HistoRun.of("plot", file, slow.file().toString(), "--label", "only-one", "--out", dir.resolve("x.png").toString())
            .assertOneLineError(HistoExit.USAGE);
        HistoRun.of("plot", file, "--width", "20", "--out", dir.resolve("x.png").toString()).assertOneLineError(HistoExit.USAGE);
        HistoRun.of("plot", file).assertOneLineError(HistoExit.USAGE);

        final Path occupied = Files.createDirectories(dir.resolve("occupied.png"));
        Files.writeString(occupied.resolve("keep"), "a directory in the way");
        final HistoRun blocked = HistoRun.of("plot", file, "--out", occupied.toString()).assertOneLineError(HistoExit.ERROR);
        assertTrue(blocked.err().startsWith("spindle histo plot: cannot write " + occupied + ": "), blocked.err());
    }

    @Test
    void aBadInputWritesNothing()
    {
        final Path png = dir.resolve("never.png");

        HistoRun.of("plot", fast.file().toString(), dir.resolve("missing.hlog").toString(), "--out", png.toString())
            .assertOneLineError(HistoExit.BAD_INPUT);

        assertFalse(Files.exists(png));
    }

    /** Hues (in 20-degree steps) of the saturated colours that cover at least 300 pixels: the data lines. */
    private static Set<Integer> lineHues(final BufferedImage image)
    {
        final Map<Integer, Integer> pixelsByHue = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                final Color c = new Color(image.getRGB(x, y));
                final float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
                if (hsb[1] > 0.5f && hsb[2] > 0.5f)
                {
                    pixelsByHue.merge(Math.round(hsb[0] * 18), 1, Integer::sum);
                }
            }
        }
        final Set<Integer> hues = new TreeSet<>();
        pixelsByHue.forEach((hue, pixels) ->
        {
            if (pixels >= 300)
            {
                hues.add(hue);
            }
        });
        return hues;
    }

    /** Stroke colours of the 2-pixel paths: XChart's data lines (axes and grid are thinner and grey). */
    private static Set<String> lineStrokes(final String svg)
    {
        final Set<String> strokes = new TreeSet<>();
        final Matcher matcher = Pattern.compile("stroke:(rgb\\([0-9,]+\\));[^\"]*stroke-width:2;").matcher(svg);
        while (matcher.find())
        {
            strokes.add(matcher.group(1));
        }
        return strokes;
    }

    /** Parses without fetching the DTD the SVG names: the test must not need a network. */
    private static Document parseXml(final byte[] bytes) throws Exception
    {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
