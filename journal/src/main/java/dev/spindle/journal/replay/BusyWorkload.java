package dev.spindle.journal.replay;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.journal.AssemblingTap;
import dev.spindle.journal.ItemIdentity;
import dev.spindle.journal.RecordedRun;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Skewed CPU work to record real runs with, for validating the simulator: lognormal item costs
 * (drawn once from a seed), each busy-looped until its thread has used that much CPU (on the thread's
 * CPU clock where the JVM has one, else the nanoTime clock), so that an item preempted by another
 * thread takes longer, as real work does; a spin on the wall clock would finish on time however
 * little of a core it had. An item carries its cost in
 * nanoseconds (journaled as its size) and costs its cost in microseconds, so the cutter's budget is
 * "microseconds of work per batch". No priorities: batches are cut in place, the engine's default.
 * Sent as a burst or open loop at a share of the pool's capacity.
 */
public final class BusyWorkload
{
    /** One ring slot's busy item. */
    public static final class Busy
    {
        long id;
        String key;
        long costNanos;
    }

    static final ItemIdentity<Busy> IDENTITY = new ItemIdentity<>()
    {
        @Override
        public long id(final Busy item)
        {
            return item.id;
        }

        @Override
        public String key(final Busy item)
        {
            return item.key;
        }

        @Override
        public long sizeBytes(final Busy item)
        {
            return item.costNanos;
        }
    };

    static final CostFunction<Busy> MICROS = item -> item.costNanos / 1_000.0;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();
    static final BatchProcessor<Busy> PROCESSOR = batch ->
    {
        for (int i = 0, n = batch.size(); i < n; i++)
        {
            burn(batch.item(i).costNanos);
        }
    };
    private static final ItemTranslatorOneArg<Busy, BusyWorkload> ITEM = (item, workload) -> workload.fill(item);

    private final long[] costNanos;
    private final String[] keys;
    private final double meanNanos;
    private final long seed;
    /** The item the (single) sending thread is publishing. */
    private int sending;

    public BusyWorkload(final int items, final double meanMicros, final double sigma, final long seed)
    {
        this.seed = seed;
        this.costNanos = new long[items];
        this.keys = new String[items];
        final SplittableRandom random = new SplittableRandom(seed);
        final double mu = Math.log(meanMicros) - sigma * sigma / 2;
        long total = 0;
        for (int i = 0; i < items; i++)
        {
            costNanos[i] = Math.max(1, Math.round(Math.exp(mu + sigma * random.nextGaussian()) * 1_000));
            keys[i] = "item-" + i;
            total += costNanos[i];
        }
        this.meanNanos = (double)total / items;
    }

    public int items()
    {
        return costNanos.length;
    }

    long totalNanos()
    {
        return Math.round(meanNanos * costNanos.length);
    }

    /** Busy-loops until this thread has used {@code nanos} of CPU. */
    static void burn(final long nanos)
    {
        if (!CPU_CLOCK)
        {
            SyntheticProcessor.spin(nanos);
            return;
        }
        final long end = THREADS.getCurrentThreadCpuTime() + nanos;
        while (THREADS.getCurrentThreadCpuTime() - end < 0)
        {
            Thread.onSpinWait();
        }
    }

    private void fill(final Busy item)
    {
        item.id = sending;
        item.key = keys[sending];
        item.costNanos = costNanos[sending];
    }

    /**
     * Records one real run on {@code workers} workers: a burst when {@code load} is 0, else Poisson
     * arrivals at {@code load} × the pool's capacity (workers / mean cost), paced open loop.
     */
    public RecordedRun record(final int workers, final double load, final Consumer<SpindleBuilder<Busy>> settings)
    {
        final AssemblingTap<Busy> tap = new AssemblingTap<>(load == 0 ? "burst" : "open loop at " + load, "", "busy loop", -1, IDENTITY);
        final SpindleBuilder<Busy> builder = Spindle.builder(Busy::new, PROCESSOR).workers(workers).cost(MICROS).singleProducer(true)
            .journal(tap);
        settings.accept(builder);
        final double ratePerNano = load * workers / meanNanos;
        final SplittableRandom gaps = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        try (Spindle<Busy> engine = builder.build().start())
        {
            double due = System.nanoTime() + Replayer.LEAD_NANOS;
            for (int i = 0; i < costNanos.length; i++)
            {
                if (load > 0)
                {
                    Pacer.awaitUntil((long)due);
                    due += gaps.nextExponential() / ratePerNano;
                }
                sending = i;
                engine.publish(ITEM, this);
            }
        }
        if (!tap.problems().isEmpty())
        {
            throw new IllegalStateException("recording has problems: " + tap.problems());
        }
        return tap.run();
    }
}
