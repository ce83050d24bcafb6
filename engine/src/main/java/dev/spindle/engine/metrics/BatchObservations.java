package dev.spindle.engine.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker position's completed batches, as the cost model learns from them: a single-producer,
 * single-consumer ring of preallocated columns (no object per batch). When the reader falls a whole
 * ring behind, new observations are dropped and counted rather than blocking the worker.
 */
public final class BatchObservations
{
    private final int mask;
    private final int features;
    private final long[] serviceNanos;
    private final int[] items;
    private final double[] complexity;
    private final double[] featureSums;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public BatchObservations(final int capacity, final int features)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.mask = capacity - 1;
        this.features = features;
        this.serviceNanos = new long[capacity];
        this.items = new int[capacity];
        this.complexity = new double[capacity];
        this.featureSums = new double[capacity * features];
    }

    /** Worker side: {@code sums} holds the batch's per-feature sums. */
    public void add(final long nanos, final int batchItems, final double batchComplexity, final double[] sums)
    {
        final long w = written.get();
        if (w - read.get() > mask)
        {
            dropped.lazySet(dropped.get() + 1);
            return;
        }
        final int i = (int)(w & mask);
        serviceNanos[i] = nanos;
        items[i] = batchItems;
        complexity[i] = batchComplexity;
        if (features > 0)
        {
            System.arraycopy(sums, 0, featureSums, i * features, features);
        }
        written.lazySet(w + 1);
    }

    /** Reader side: hands every observation written so far to {@code sink}, oldest first. */
    public int drainTo(final Sink sink)
    {
        final long r = read.get();
        final long w = written.get();
        for (long s = r; s < w; s++)
        {
            final int i = (int)(s & mask);
            sink.accept(serviceNanos[i], items[i], complexity[i], featureSums, i * features);
        }
        read.lazySet(w);
        return (int)(w - r);
    }

    public long dropped()
    {
        return dropped.get();
    }

    /** One observation; its feature sums are {@code features[offset .. offset + count)}. */
    @FunctionalInterface
    public interface Sink
    {
        void accept(long serviceNanos, int items, double complexity, double[] features, int offset);
    }
}
