package dev.spindle.tools.histo;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.ItemTranslator;
import dev.spindle.engine.Pinning;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.metrics.IntervalListener;
import dev.spindle.engine.metrics.IntervalSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Runs the real engine and writes its metrics intervals as an HdrHistogram interval log the way the
 * journal does: HistogramLogWriter, one tag per metric, values in nanoseconds. Also keeps the
 * engine's own per-tag totals, so tests can check what the commands print against what was recorded.
 */
public final class EngineHlog
{
    public static final List<String> TAGS = List.of("queueWait", "batchService", "itemService", "endToEnd");
    private static final Map<String, Function<IntervalSnapshot, Histogram>> METRICS = Map.of(
        "queueWait", IntervalSnapshot::queueWait,
        "batchService", IntervalSnapshot::batchService,
        "itemService", IntervalSnapshot::itemService,
        "endToEnd", IntervalSnapshot::endToEnd);

    /** What one run wrote, and the same data as the engine handed it over: per tag, all intervals added up. */
    public record Run(Path file, int items, int intervals, Map<String, Histogram> totals, List<Double> intervalStartSeconds,
        List<Long> intervalEndToEndCounts)
    {
        public Histogram total(final String tag)
        {
            return totals.get(tag);
        }
    }

    /** How the log is laid out: tagged with relative timestamps (as the journal writes), or untagged endToEnd with absolute ones. */
    public enum Layout
    {
        TAGGED_RELATIVE, UNTAGGED_ABSOLUTE
    }

    private EngineHlog()
    {
    }

    /** Runs {@code items} items through two workers, each item spinning {@code workPerItem}, with 50 ms intervals. */
    public static Run record(final Path file, final int items, final Duration workPerItem, final Layout layout) throws IOException
    {
        final Map<String, Histogram> totals = new LinkedHashMap<>();
        final List<String> tags = layout == Layout.TAGGED_RELATIVE ? TAGS : List.of("endToEnd");
        final List<Double> starts = new ArrayList<>();
        final List<Long> counts = new ArrayList<>();
        final long startMillis = System.currentTimeMillis();
        final long startNanos = System.nanoTime();
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputComment("[Spindle test run: " + items + " items, " + workPerItem.toNanos() + " ns of work each]");
            writer.outputStartTime(startMillis);
            if (layout == Layout.TAGGED_RELATIVE)
            {
                writer.setBaseTime(startMillis);
                writer.outputBaseTime(startMillis);
            }
            writer.outputLegend();
            final IntervalListener listener = snapshot ->
            {
                final long intervalStart = startMillis + (snapshot.startNanos() - startNanos) / 1_000_000;
                final long intervalEnd = intervalStart + snapshot.lengthNanos() / 1_000_000;
                for (final String tag : tags)
                {
                    final Histogram interval = METRICS.get(tag).apply(snapshot).copy();
                    totals.computeIfAbsent(tag, t -> new Histogram(interval.getNumberOfSignificantValueDigits())).add(interval);
                    interval.setTag(layout == Layout.TAGGED_RELATIVE ? tag : null);
                    interval.setStartTimeStamp(intervalStart);
                    interval.setEndTimeStamp(intervalEnd);
                    writer.outputIntervalHistogram(interval);
                }
                starts.add((intervalStart - startMillis) / 1000.0);
                counts.add(snapshot.endToEnd().getTotalCount());
            };
            final long spin = workPerItem.toNanos();
            final BatchProcessor<Object> work = batch ->
            {
                final long end = System.nanoTime() + spin * batch.size();
                while (System.nanoTime() < end)
                {
                    Thread.onSpinWait();
                }
            };
            // every item stamped (no latency sampling), so the histograms count each one
            final Spindle<Object> spindle = Spindle.builder(Object::new, work).workers(2).maxBatchItems(8).complexityBudget(1e9)
                .pinning(Pinning.NEVER).latencySampling(1).threadNamePrefix("hlog-test").intervalLength(Duration.ofMillis(50))
                .intervalListener(listener).build().start();
            final ItemTranslator<Object> nothing = item -> { }; // the work reads no item: a slot as it is will do
            try
            {
                for (int id = 0; id < items; id++)
                {
                    spindle.publish(nothing);
                    if (id % (items / 5) == 0)
                    {
                        Thread.sleep(30);
                    }
                }
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while submitting", e);
            }
            finally
            {
                spindle.close();
            }
        }
        return new Run(file, items, starts.size(), totals, List.copyOf(starts), List.copyOf(counts));
    }
}
