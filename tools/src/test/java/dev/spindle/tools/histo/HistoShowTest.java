package dev.spindle.tools.histo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code spindle histo show} on logs a real engine run wrote, on foreign logs, and on files that are not logs. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HistoShowTest
{
    private static final int ITEMS = 3_000;

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
    void everyTagGetsARowWithTheFiguresTheEngineRecorded()
    {
        final HistoRun run = HistoRun.of("show", tagged.file().toString());

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        final List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith(tagged.file() + ": " + tagged.intervals() + " intervals over "), lines.get(0));
        assertTrue(lines.get(0).contains(" UTC"), "the log's StartTime anchors it to wall-clock time: " + lines.get(0));
        assertEquals(List.of("tag", "count", "mean", "p50", "p90", "p99", "p99.9", "p99.99", "max"), cells(lines.get(1)));
        final Map<String, List<String>> rows = rows(run);
        assertEquals(EngineHlog.TAGS, List.copyOf(rows.keySet()), "one row per tag, in the log's order");
        for (final String tag : EngineHlog.TAGS)
        {
            final Histogram recorded = tagged.total(tag);
            assertEquals(List.of(tag, Numbers.count(recorded.getTotalCount()), Numbers.latency(recorded.getMean()),
                Numbers.latency(recorded.getValueAtPercentile(50)), Numbers.latency(recorded.getValueAtPercentile(90)),
                Numbers.latency(recorded.getValueAtPercentile(99)), Numbers.latency(recorded.getValueAtPercentile(99.9)),
                Numbers.latency(recorded.getValueAtPercentile(99.99)), Numbers.latency(recorded.getMaxValue())), rows.get(tag), tag);
        }
        assertEquals(Numbers.count(ITEMS), rows.get("endToEnd").get(1), "every item's end-to-end latency, over all intervals");
        assertTrue(rows.get("endToEnd").get(8).matches("[0-9.]+ (µs|ms)"), "nanoseconds shown as µs or ms: " + rows.get("endToEnd"));
    }

    @Test
    void tagsAndPercentilesCanBeChosen()
    {
        final HistoRun run = HistoRun.of("show", tagged.file().toString(), "--tag", "endToEnd", "--tag", "queueWait",
            "--percentiles", "p75,99.5");

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        assertEquals(List.of("tag", "count", "mean", "p75", "p99.5", "max"), cells(run.outLines().get(1)));
        assertEquals(List.of("endToEnd", "queueWait"), List.copyOf(rows(run).keySet()), "in the order asked for");
        assertEquals(Numbers.latency(tagged.total("queueWait").getValueAtPercentile(99.5)), rows(run).get("queueWait").get(4));
    }

    @Test
    void anIntervalRangeSplitsTheRunWithoutLosingOrCountingTwice()
    {
        final String split = middle(tagged);
        final long before = endToEndCount(HistoRun.of("show", tagged.file().toString(), "--interval", ".." + split));
        final long after = endToEndCount(HistoRun.of("show", tagged.file().toString(), "--interval", split + ".."));

        assertEquals(ITEMS, before + after);
        assertTrue(before > 0 && after > 0, "both parts hold items: " + before + " + " + after);
    }

    @Test
    void aRangeOutsideTheLogIsBadInputThatSaysWhereTheLogIs()
    {
        final HistoRun run = HistoRun.of("show", tagged.file().toString(), "--interval", "3600..").assertOneLineError(HistoExit.BAD_INPUT);

        assertTrue(run.err().contains("no interval starts within 3600.. s (its intervals start from 0"), run.err());
    }

    @Test
    void anUntaggedLogWithAbsoluteTimestampsIsShownAsUntagged()
    {
        final HistoRun run = HistoRun.of("show", untagged.file().toString());

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        assertEquals(List.of(HistogramLog.UNTAGGED), List.copyOf(rows(run).keySet()));
        assertEquals(Numbers.count(ITEMS), rows(run).get(HistogramLog.UNTAGGED).get(1));
        assertEquals(Numbers.latency(untagged.total("endToEnd").getValueAtPercentile(99)), rows(run).get(HistogramLog.UNTAGGED).get(5));
    }

    @Test
    void absoluteAndRelativeTimestampsSelectTheSameIntervals() throws IOException
    {
        // HdrHistogram's own reader hands back each interval with absolute timestamps; written without a
        // BaseTime, the copy's timestamps are absolute where the original's are relative to its start.
        final Path absolute = dir.resolve("absolute-copy.hlog");
        final List<EncodableHistogram> intervals = new ArrayList<>();
        final double startSeconds;
        try (HistogramLogReader reader = new HistogramLogReader(tagged.file().toFile()))
        {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null)
            {
                intervals.add(interval);
            }
            startSeconds = reader.getStartTimeSec();
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(absolute), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputStartTime(Math.round(startSeconds * 1000));
            intervals.forEach(writer::outputIntervalHistogram);
        }
        assertTrue(Files.readString(absolute).lines().anyMatch(l -> l.matches("Tag=endToEnd,1[0-9]{9}\\.[0-9]{3},.*")),
            "the copy's timestamps are seconds since the epoch");

        final String split = middle(tagged);
        for (final String range : List.of(".." + split, split + "..", "0.." + split))
        {
            final HistoRun original = HistoRun.of("show", tagged.file().toString(), "--interval", range);
            final HistoRun copy = HistoRun.of("show", absolute.toString(), "--interval", range);
            assertEquals(HistoExit.OK, copy.exitCode(), copy.err());
            assertEquals(original.outLines().subList(1, original.outLines().size()), copy.outLines().subList(1, copy.outLines().size()),
                range);
        }
    }

    @Test
    void foreignTagsAndOtherValueUnitsAreShownInTheUnitsAPersonReads() throws IOException
    {
        final Path foreign = dir.resolve("foreign.hlog");
        try (PrintStream out = new PrintStream(Files.newOutputStream(foreign), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            final Histogram pauses = new Histogram(3);
            pauses.recordValueWithCount(1_500, 99);
            pauses.recordValue(250_000);
            pauses.setTag("gc.pause");
            final Histogram untaggedLine = new Histogram(3);
            untaggedLine.recordValue(40);
            for (final Histogram histogram : List.of(pauses, untaggedLine))
            {
                histogram.setStartTimeStamp(1_000);
                histogram.setEndTimeStamp(2_000);
                writer.outputIntervalHistogram(histogram);
            }
        }

        final HistoRun run = HistoRun.of("show", foreign.toString(), "--value-unit", "us");

        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        assertEquals(List.of("gc.pause", "100", "3.99 ms", "1.50 ms", "1.50 ms", "1.50 ms", "250 ms", "250 ms", "250 ms"),
            rows(run).get("gc.pause"), "values recorded in µs");
        assertEquals("40.0 µs", rows(run).get(HistogramLog.UNTAGGED).get(3), "untagged lines of a tagged log get their own row");
        assertTrue(run.outLines().get(0).startsWith(foreign + ": 1 interval over 1 s"), "no StartTime: no wall clock: " + run.outLines().get(0));
    }

    @Test
    void aTagTheLogLacksIsBadInputNamingTheTagsItHas()
    {
        final HistoRun run = HistoRun.of("show", tagged.file().toString(), "--tag", "endToEnd", "--tag", "e2e")
            .assertOneLineError(HistoExit.BAD_INPUT);

        assertEquals("spindle histo show: " + tagged.file()
            + ": no histogram tagged 'e2e' (tags: queueWait, batchService, itemService, endToEnd)", run.err().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "directory", "empty", "prose", "binary", "bad-base64", "truncated", "double", "bad-number"})
    void whatIsNotAnIntervalLogIsBadInputInOneLine(final String kind) throws IOException
    {
        final Path file = dir.resolve("not-a-log-" + kind + ".hlog");
        final List<String> real = Files.readAllLines(tagged.file());
        final String lastLine = real.get(real.size() - 1);
        final String expected;
        switch (kind)
        {
            case "missing" -> expected = "no such file";
            case "directory" ->
            {
                Files.createDirectories(file);
                expected = "is a directory";
            }
            case "empty" ->
            {
                Files.createFile(file);
                expected = "no interval histograms in it";
            }
            case "prose" ->
            {
                Files.writeString(file, "# a comment is fine\nthese are, not numbers, at all, really\n");
                expected = "line 2: not an interval histogram line";
            }
            case "binary" ->
            {
                Files.write(file, new byte[] {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', (byte)0xff, (byte)0xfe, 0});
                expected = "not a text file";
            }
            case "bad-base64" ->
            {
                Files.writeString(file, String.join("\n", real.subList(0, real.size() - 1)) + "\n" + lastLine + "%%%\n");
                expected = "line " + real.size() + ": the histogram is not valid Base64";
            }
            case "truncated" ->
            {
                Files.writeString(file, String.join("\n", real.subList(0, real.size() - 1)) + "\n"
                    + lastLine.substring(0, lastLine.lastIndexOf(',') + 9) + "\n");
                expected = "line " + real.size() + ": the histogram does not decode";
            }
            case "double" ->
            {
                final DoubleHistogram doubles = new DoubleHistogram(3);
                doubles.recordValue(0.5);
                doubles.setStartTimeStamp(1_000);
                doubles.setEndTimeStamp(2_000);
                try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8))
                {
                    new HistogramLogWriter(out).outputIntervalHistogram(doubles);
                }
                expected = "line 1: a DoubleHistogram";
            }
            case "bad-number" ->
            {
                Files.writeString(file, lastLine.replaceFirst(",[0-9.]+,", ",soon,") + "\n");
                expected = "line 1: not an interval histogram line";
            }
            default -> throw new AssertionError(kind);
        }

        final HistoRun run = HistoRun.of("show", file.toString()).assertOneLineError(HistoExit.BAD_INPUT);

        assertTrue(run.err().startsWith("spindle histo show: " + file + ": " + expected), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--interval=5-10", "--interval=10..5", "--percentiles=101", "--value-unit=parsec", "--colour", "--tag"})
    void badOptionsAreUsageErrorsInOneLine(final String option)
    {
        final HistoRun run = HistoRun.of("show", tagged.file().toString(), option).assertOneLineError(HistoExit.USAGE);

        assertTrue(run.err().startsWith("spindle histo show: "), run.err());
        assertTrue(run.err().strip().endsWith("(see 'spindle histo show --help')"), run.err());
    }

    @Test
    void helpAndAMissingCommandAreWhatTheRestOfSpindleDoes()
    {
        final HistoRun help = HistoRun.of("show", "--help");
        assertEquals(HistoExit.OK, help.exitCode());
        assertTrue(help.out().contains("Usage: spindle histo show") && help.out().contains("--interval=A..B"), help.out());

        final HistoRun bare = HistoRun.of().assertOneLineError(HistoExit.USAGE);
        assertTrue(bare.err().contains("missing COMMAND: show, compare or plot"), bare.err());

        assertEquals(HistoExit.USAGE, HistoRun.of("show").exitCode(), "FILE is required");
    }

    /** Half a millisecond before the middle interval's start: timestamps have millisecond resolution, so no interval starts there. */
    /**
     * A split between two intervals with items on both sides (the run's timing decides where they fall),
     * halfway between the two starts: a log copied with absolute timestamps (three decimals each, start
     * and interval) may move every start by a millisecond either way.
     */
    static String middle(final EngineHlog.Run run)
    {
        final List<Double> starts = run.intervalStartSeconds();
        final List<Long> counts = run.intervalEndToEndCounts();
        final long total = counts.stream().mapToLong(Long::longValue).sum();
        long before = 0;
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int k = 1; k < starts.size(); k++)
        {
            before += counts.get(k - 1);
            if (before > 0 && before < total && Math.abs(2 * before - total) < bestDistance)
            {
                best = k;
                bestDistance = Math.abs(2 * before - total);
            }
        }
        if (best < 0)
        {
            throw new AssertionError("no split with items on both sides: " + counts);
        }
        return Numbers.plain(Math.round((starts.get(best - 1) + starts.get(best)) / 2 * 1000) / 1000.0);
    }

    private static long endToEndCount(final HistoRun run)
    {
        assertEquals(HistoExit.OK, run.exitCode(), run.err());
        return Long.parseLong(rows(run).get("endToEnd").get(1).replace(",", ""));
    }

    /** Table rows after the description and header lines, by tag. */
    static Map<String, List<String>> rows(final HistoRun run)
    {
        return run.outLines().stream().skip(2).map(HistoShowTest::cells)
            .collect(Collectors.toMap(c -> c.get(0), c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Columns are separated by at least two spaces; a cell such as "38.2 µs" holds one. */
    static List<String> cells(final String line)
    {
        return Arrays.asList(line.strip().split("\\s{2,}"));
    }
}
