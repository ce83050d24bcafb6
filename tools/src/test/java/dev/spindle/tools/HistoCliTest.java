package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.tools.histo.EngineHlog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code spindle histo} through SpindleCli itself: registered, behind the same one-line error
 * handling as every command, and printing JSON a strict parser accepts.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HistoCliTest
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

    record Exit(int code, String out, String err)
    {
    }

    private static Exit spindle(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = SpindleCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int code = commandLine.execute(args);
        return new Exit(code, out.toString(), err.toString());
    }

    @Test
    void histoIsASpindleCommand()
    {
        final Exit help = spindle("--help");
        assertTrue(help.out().contains("histo"), help.out());

        final Exit histoHelp = spindle("histo", "--help");
        assertEquals(0, histoHelp.code());
        assertTrue(histoHelp.out().contains("show") && histoHelp.out().contains("compare") && histoHelp.out().contains("plot"), histoHelp.out());
    }

    @Test
    void showJsonParsesAndCarriesTheEnginesFigures()
    {
        final Exit exit = spindle("histo", "show", fast.file().toString(), "--json");

        assertEquals(0, exit.code(), exit.err());
        final Map<String, Object> json = MiniJson.object(exit.out().strip());
        assertEquals(fast.file().toString(), json.get("file"));
        assertEquals((double)fast.intervals(), json.get("intervals"));
        assertTrue((Double)json.get("start_epoch_ms") > 1.7e12, "wall-clock start: " + json.get("start_epoch_ms"));
        final List<?> tags = (List<?>)json.get("tags");
        assertEquals(EngineHlog.TAGS, tags.stream().map(t -> ((Map<?, ?>)t).get("tag")).toList());
        final Map<?, ?> endToEnd = (Map<?, ?>)tags.get(3);
        final Histogram recorded = fast.total("endToEnd");
        assertEquals((double)ITEMS, endToEnd.get("count"));
        assertEquals(recorded.getMaxValue() / 1e3, (Double)endToEnd.get("max_us"), 1e-9);
        final Map<?, ?> percentiles = (Map<?, ?>)endToEnd.get("percentiles_us");
        assertEquals(List.of("p50", "p90", "p99", "p99.9", "p99.99"), List.copyOf(percentiles.keySet()));
        assertEquals(recorded.getValueAtPercentile(99) / 1e3, (Double)percentiles.get("p99"), 1e-9);
    }

    /**
     * Gated at the median: 5 times the work per item shows there whatever the machine does, where a p99 of
     * 2,000 items on a shared 2-core machine is the few batches a preemption stretched, in either run.
     */
    @Test
    void compareJsonCarriesTheGatesVerdictAndExit4()
    {
        final Exit exit = spindle("histo", "compare", fast.file().toString(), slow.file().toString(), "--json",
            "--tag", "itemService", "--fail-if-worse", "25", "--at", "p50");

        assertEquals(4, exit.code(), exit.out() + exit.err());
        assertEquals(1, exit.err().lines().count(), exit.err());
        final Map<String, Object> json = MiniJson.object(exit.out().strip());
        final Map<?, ?> gate = (Map<?, ?>)json.get("gate");
        assertEquals(Boolean.FALSE, gate.get("passed"));
        assertEquals(25.0, gate.get("limit_pct"));
        final Map<?, ?> check = (Map<?, ?>)((List<?>)gate.get("checks")).get(0);
        assertEquals("itemService", check.get("tag"));
        assertEquals("p50", check.get("stat"));
        assertTrue((Double)check.get("worse_pct") > 25, check.toString());
        final Map<?, ?> row = (Map<?, ?>)((List<?>)json.get("tags")).get(0);
        final Map<?, ?> count = (Map<?, ?>)((List<?>)row.get("stats")).get(0);
        assertEquals(Map.of("stat", "count", "a", (double)ITEMS, "b", (double)ITEMS, "ratio", 1.0), Map.copyOf(count));
    }

    @Test
    void errorsAreOneLineThroughSpindlesOwnHandler()
    {
        final Exit usage = spindle("histo", "show", fast.file().toString(), "--interval", "soon");
        assertEquals(ExitCodes.USAGE, usage.code());
        assertEquals(1, usage.err().lines().count(), usage.err());
        assertTrue(usage.err().startsWith("spindle histo show: Invalid value for option '--interval'"), usage.err());

        final Exit missing = spindle("histo", "plot", dir.resolve("nothing.hlog").toString(), "--out", dir.resolve("x.svg").toString());
        assertEquals(3, missing.code());
        assertEquals("spindle histo plot: " + dir.resolve("nothing.hlog") + ": no such file", missing.err().strip());
    }
}
