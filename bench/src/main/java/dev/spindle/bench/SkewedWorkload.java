package dev.spindle.bench;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.journal.ItemIdentity;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Skewed CPU work for the tuner shootout: item costs drawn once, deterministically, from a
 * lognormal distribution (σ = 1, mean 20 µs, so μ = ln 20 − σ²/2 in µs), burned by busy-looping.
 * <p>
 * Units. An item ({@link Burn}) carries its cost in <b>nanoseconds</b> (nanoseconds keep the
 * sub-microsecond items of the lower tail exact); {@link #MICROS} scores complexity as that cost in
 * <b>microseconds</b>, so a complexity budget of B is "B µs of nominal work per batch" and the cost
 * model has a true linear cost (~1,000 ns per complexity unit) to find. Without it the engine's
 * default unit cost counts items, as it would for a user who knows nothing of the costs.
 * <p>
 * Measurement. {@link #processor} busy-loops each item's cost on the {@link System#nanoTime()} clock
 * and records the time it actually took (nominal cost, plus one clock read, plus any time the thread
 * was preempted mid-item) into a {@link Meter} stripe owned by the running thread: no shared counter
 * is touched per item and nothing is allocated. The lower bound of a run on {@code w} workers is
 * {@code max(Σ measured / w, max measured)}.
 */
public final class SkewedWorkload
{
    public static final double MEAN_MICROS = 20.0;
    public static final double SIGMA = 1.0;
    /** μ of the underlying normal, in ln(µs): the lognormal's mean is exp(μ + σ²/2) = 20 µs. */
    public static final double MU = Math.log(MEAN_MICROS) - SIGMA * SIGMA / 2;

    /** One item of skewed work: its index in the run and its nominal cost. */
    public static final class Burn
    {
        /** Copies a template the publisher reuses: a static translator and a reused argument allocate nothing. */
        public static final ItemTranslatorOneArg<Burn, Burn> COPY = (item, from) ->
        {
            item.id = from.id;
            item.costNanos = from.costNanos;
        };

        /** What a journal records of a burn: its id; it has no key and no size. */
        public static final ItemIdentity<Burn> IDENTITY = new ItemIdentity<>()
        {
            @Override
            public long id(final Burn item)
            {
                return item.id;
            }

            @Override
            public String key(final Burn item)
            {
                return null;
            }

            @Override
            public long sizeBytes(final Burn item)
            {
                return 0;
            }
        };

        public long id;
        public long costNanos;

        /** This template, set to item {@code i} of {@code workload}. */
        public Burn set(final SkewedWorkload workload, final long i)
        {
            id = i;
            costNanos = workload.costNanos(i);
            return this;
        }
    }

    /** Complexity = the item's nominal cost in microseconds. */
    public static final CostFunction<Burn> MICROS = item -> item.costNanos / 1_000.0;

    private final long[] costNanos;
    private final long seed;
    private final long totalNanos;
    private final long maxNanos;

    /** {@code items} costs from {@code new SplittableRandom(seed)}: the same seed gives the same costs. */
    public SkewedWorkload(final int items, final long seed)
    {
        if (items < 1)
        {
            throw new IllegalArgumentException("items must be >= 1, was " + items);
        }
        this.seed = seed;
        this.costNanos = new long[items];
        final SplittableRandom random = new SplittableRandom(seed);
        long total = 0;
        long max = 0;
        for (int i = 0; i < items; i++)
        {
            final double micros = Math.exp(MU + SIGMA * random.nextGaussian());
            final long nanos = Math.max(1, Math.round(micros * 1_000));
            costNanos[i] = nanos;
            total += nanos;
            max = Math.max(max, nanos);
        }
        this.totalNanos = total;
        this.maxNanos = max;
    }

    public int items()
    {
        return costNanos.length;
    }

    public long seed()
    {
        return seed;
    }

    /** Item {@code i}'s nominal cost; indices wrap, so a paced run may send more items than were drawn. */
    public long costNanos(final long i)
    {
        return costNanos[(int)(i % costNanos.length)];
    }

    public long totalNanos()
    {
        return totalNanos;
    }

    public long maxNanos()
    {
        return maxNanos;
    }

    public double meanMicros()
    {
        return totalNanos / 1_000.0 / costNanos.length;
    }

    /** Sample standard deviation of ln(cost in µs): should be close to σ = 1. */
    public double logSigma()
    {
        double sum = 0;
        double squares = 0;
        for (final long c : costNanos)
        {
            final double x = Math.log(c / 1_000.0);
            sum += x;
            squares += x * x;
        }
        final double n = costNanos.length;
        final double mean = sum / n;
        return Math.sqrt(Math.max(0, (squares - n * mean * mean) / Math.max(1, n - 1)));
    }

    /** The nominal cost (µs) at percentile {@code p} (0-100). */
    public double percentileMicros(final double p)
    {
        final long[] sorted = costNanos.clone();
        java.util.Arrays.sort(sorted);
        final int index = (int)Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1_000.0;
    }

    /** A Spindle processor that burns every item's cost and records its measured time in {@code meter}. */
    public static BatchProcessor<Burn> processor(final Meter meter)
    {
        return batch ->
        {
            final Stripe stripe = meter.stripe();
            for (int i = 0; i < batch.size(); i++)
            {
                stripe.busy(burn(batch.item(i).costNanos));
            }
        };
    }

    /** Busy-loops for {@code nanos} on the nanoTime clock; returns the time it actually took. */
    public static long burn(final long nanos)
    {
        final long start = System.nanoTime();
        final long end = start + nanos;
        long now = System.nanoTime();
        while (now - end < 0)
        {
            Thread.onSpinWait();
            now = System.nanoTime();
        }
        return now - start;
    }

    /**
     * One run's measurements, striped per thread: each thread that burns items or delivers outcomes
     * registers one {@link Stripe} once (through a ThreadLocal) and then writes only its own. Sums are
     * read after the engine has stopped (its threads joined, so every write is visible), except the
     * completion count, which the waiting thread may poll.
     */
    public static final class Meter
    {
        private static final int MAX_THREADS = 256;

        private final AtomicReferenceArray<Stripe> stripes = new AtomicReferenceArray<>(MAX_THREADS);
        private final AtomicInteger registered = new AtomicInteger();
        private final ThreadLocal<Stripe> local = ThreadLocal.withInitial(this::register);

        public Stripe stripe()
        {
            return local.get();
        }

        private Stripe register()
        {
            final int index = registered.getAndIncrement();
            if (index >= MAX_THREADS)
            {
                throw new IllegalStateException("more than " + MAX_THREADS + " threads used one meter");
            }
            final Stripe stripe = new Stripe();
            stripes.set(index, stripe);
            return stripe;
        }

        private long fold(final int cell, final boolean max)
        {
            final int n = Math.min(registered.get(), MAX_THREADS);
            long result = 0;
            for (int i = 0; i < n; i++)
            {
                final Stripe stripe = stripes.get(i);
                if (stripe != null)
                {
                    final long value = stripe.get(cell);
                    result = max ? Math.max(result, value) : result + value;
                }
            }
            return result;
        }

        /** Σ measured item time, ns. */
        public long busyNanos()
        {
            return fold(Stripe.BUSY, false);
        }

        /** The longest measured item, ns. */
        public long maxItemNanos()
        {
            return fold(Stripe.MAX, true);
        }

        /** Items burned. */
        public long burned()
        {
            return fold(Stripe.BURNED, false);
        }

        /** Outcomes counted through {@link Stripe#completed}; safe to poll while the run goes on. */
        public long completed()
        {
            return fold(Stripe.COMPLETED, false);
        }

        /** The latest {@link Stripe#completed} time over all threads, ns on the nanoTime clock. */
        public long lastCompletionNanos()
        {
            final int n = Math.min(registered.get(), MAX_THREADS);
            long last = Long.MIN_VALUE;
            for (int i = 0; i < n; i++)
            {
                final Stripe stripe = stripes.get(i);
                if (stripe != null && stripe.get(Stripe.COMPLETED) > 0)
                {
                    final long t = stripe.get(Stripe.LAST);
                    last = last == Long.MIN_VALUE || t - last > 0 ? t : last;
                }
            }
            return last;
        }
    }

    /**
     * One thread's cells, in the middle of a 32-long array: at least 64 bytes from either end, so no
     * other stripe (or object) shares their cache line. Single writer; release stores, acquire loads.
     */
    public static final class Stripe
    {
        private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
        static final int BUSY = 12;
        static final int MAX = 13;
        static final int BURNED = 14;
        static final int COMPLETED = 15;
        static final int LAST = 16;

        private final long[] cells = new long[32];

        /** Adds one item's measured time. */
        public void busy(final long nanos)
        {
            busy(nanos, 1);
        }

        /** Adds the measured time of {@code items} items processed together (a batch: the longest "item" is the batch). */
        public void busy(final long nanos, final int items)
        {
            CELLS.setRelease(cells, BUSY, cells[BUSY] + nanos);
            if (nanos > cells[MAX])
            {
                CELLS.setRelease(cells, MAX, nanos);
            }
            CELLS.setRelease(cells, BURNED, cells[BURNED] + items);
        }

        /** Counts one outcome, delivered at {@code nowNanos}. */
        public void completed(final long nowNanos)
        {
            CELLS.setRelease(cells, LAST, nowNanos);
            CELLS.setRelease(cells, COMPLETED, cells[COMPLETED] + 1);
        }

        long get(final int cell)
        {
            return (long)CELLS.getAcquire(cells, cell);
        }
    }
}
