package dev.spindle.journal.replay;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.ComplexityScorer;
import dev.spindle.engine.PriorityScorer;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.WorkItem;
import dev.spindle.journal.AssemblingTap;
import dev.spindle.journal.RecordedRun;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Skewed CPU work to record real runs with, for validating the simulator: lognormal item costs
 * (drawn once from a seed), each busy-looped on the nanoTime clock. An item carries its cost in
 * nanoseconds in {@code sizeBytes} and is scored its cost in microseconds, so the cutter's budget is
 * "microseconds of work per batch". Sent as a burst or open loop at a share of the pool's capacity.
 */
final class BusyWorkload
{
    static final ComplexityScorer MICROS = item -> item.sizeBytes() / 1_000.0;
    static final PriorityScorer FLAT = item -> 50;
    static final BatchProcessor PROCESSOR = batch ->
    {
        for (int i = 0, n = batch.size(); i < n; i++)
        {
            SyntheticProcessor.spin(batch.item(i).sizeBytes());
        }
    };

    private final long[] costNanos;
    private final double meanNanos;
    private final long seed;

    BusyWorkload(final int items, final double meanMicros, final double sigma, final long seed)
    {
        this.seed = seed;
        this.costNanos = new long[items];
        final SplittableRandom random = new SplittableRandom(seed);
        final double mu = Math.log(meanMicros) - sigma * sigma / 2;
        long total = 0;
        for (int i = 0; i < items; i++)
        {
            costNanos[i] = Math.max(1, Math.round(Math.exp(mu + sigma * random.nextGaussian()) * 1_000));
            total += costNanos[i];
        }
        this.meanNanos = (double)total / items;
    }

    int items()
    {
        return costNanos.length;
    }

    long totalNanos()
    {
        return Math.round(meanNanos * costNanos.length);
    }

    /**
     * Records one real run on {@code workers} workers: a burst when {@code load} is 0, else Poisson
     * arrivals at {@code load} × the pool's capacity (workers / mean cost), paced open loop.
     */
    RecordedRun record(final int workers, final double load, final Consumer<SpindleBuilder> settings)
    {
        final AssemblingTap tap = new AssemblingTap(load == 0 ? "burst" : "open loop at " + load, "", "busy loop", -1);
        final SpindleBuilder builder = Spindle.builder(PROCESSOR).workers(workers).complexityScorer(MICROS).priorityScorer(FLAT)
            .singleProducer(true).journal(tap);
        settings.accept(builder);
        final double ratePerNano = load * workers / meanNanos;
        final SplittableRandom gaps = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        try (Spindle engine = builder.build().start())
        {
            final WorkItem item = new WorkItem();
            double due = System.nanoTime() + Replayer.LEAD_NANOS;
            for (int i = 0; i < costNanos.length; i++)
            {
                if (load > 0)
                {
                    Pacer.awaitUntil((long)due);
                    due += gaps.nextExponential() / ratePerNano;
                }
                engine.submit(item.reset().id(i).key("item-" + i).sizeBytes(costNanos[i]));
            }
        }
        if (!tap.problems().isEmpty())
        {
            throw new IllegalStateException("recording has problems: " + tap.problems());
        }
        return tap.run();
    }
}
