package dev.spindle.tools.histo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.journal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HdrHistogram's own HistogramLogProcessor reads the logs these tests produce the way the journal
 * writes them, and agrees with {@code spindle histo show}. It runs in a child JVM: on a line it
 * cannot parse, the processor calls System.exit.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HdrHistogramInteropTest
{
    private static final int ITEMS = 2_000;
    /** The processor prints as many decimals as the histogram's precision warrants, two for Spindle's. */
    private static final double PRINTED_PRECISION = 0.0051;
    private static final Pattern TOTALS = Pattern.compile("#\\[Max\\s*=\\s*([0-9.]+), Total count\\s*=\\s*([0-9]+)\\]");

    @TempDir
    static Path dir;
    static EngineHlog.Run tagged;
    static EngineHlog.Run untagged;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void recordRuns() throws IOException
    {
        tagged = EngineHlog.record(dir.resolve("tagged.hlog"), ITEMS, Duration.ofNanos(20_000), EngineHlog.Layout.TAGGED_RELATIVE);
        untagged = EngineHlog.record(dir.resolve("untagged.hlog"), ITEMS, Duration.ofNanos(20_000), EngineHlog.Layout.UNTAGGED_ABSOLUTE);
    }

    @Test
    void histogramLogProcessorReadsEveryTagAsShowDoes() throws Exception
    {
        for (final String tag : EngineHlog.TAGS)
        {
            final Totals processor = processor(tagged.file(), tag);
            final HistoRun show = HistoRun.of("show", tagged.file().toString(), "--tag", tag, "--json");
            assertEquals(HistoExit.OK, show.exitCode(), show.err());

            assertEquals(tagged.total(tag).getTotalCount(), processor.count(), tag);
            assertEquals(processor.count(), jsonLong(show.out(), "count"), tag);
            assertEquals(processor.maxMicros(), jsonDouble(show.out(), "max_us"), PRINTED_PRECISION, tag + ": the same max, in µs");
        }
        assertEquals(ITEMS, processor(tagged.file(), "endToEnd").count());
    }

    @Test
    void histogramLogProcessorReadsAnUntaggedLogWithAbsoluteTimestamps() throws Exception
    {
        final Totals processor = processor(untagged.file(), null);

        assertEquals(ITEMS, processor.count());
        assertEquals(untagged.total("endToEnd").getMaxValue() / 1e3, processor.maxMicros(), PRINTED_PRECISION);
    }

    record Totals(double maxMicros, long count)
    {
    }

    /** Runs HdrHistogram's log processor on {@code log} (one tag, or the untagged lines) with values in µs. */
    private static Totals processor(final Path log, final String tag) throws IOException, InterruptedException
    {
        final Path output = dir.resolve("processed-" + log.getFileName() + "-" + tag);
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "org.HdrHistogram.HistogramLogProcessor",
            "-i", log.toString(), "-o", output.toString(), "-outputValueUnitRatio", "1000"));
        if (tag != null)
        {
            command.addAll(List.of("-tag", tag));
        }
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("processor.log").toFile())
            .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "HistogramLogProcessor finished");
        final String said = Files.readString(dir.resolve("processor.log"));
        assertEquals(0, process.exitValue(), said);
        final String percentiles = Files.readString(Path.of(output + ".hgrm"), StandardCharsets.UTF_8);
        final Matcher totals = TOTALS.matcher(percentiles);
        assertTrue(totals.find(), percentiles);
        return new Totals(Double.parseDouble(totals.group(1)), Long.parseLong(totals.group(2)));
    }

    private static long jsonLong(final String json, final String name)
    {
        return ((Number)onlyTag(json).get(name)).longValue();
    }

    private static double jsonDouble(final String json, final String name)
    {
        return ((Number)onlyTag(json).get(name)).doubleValue();
    }

    /** The one row of {@code histo show --tag T --json}. */
    private static Map<?, ?> onlyTag(final String json)
    {
        final List<?> tags = (List<?>)((Map<?, ?>)Json.read(json.strip())).get("tags");
        assertEquals(1, tags.size(), json);
        return (Map<?, ?>)tags.get(0);
    }
}
