package dev.spindle.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker's completed batches, as the cost model learns from them: a single-producer,
 * single-consumer ring of preallocated columns (no object per batch). When the reader falls a whole
 * ring behind, new observations are dropped and counted rather than blocking the worker.
 */
final class BatchObservations
{
    private final int mask;
    private final long[] serviceNanos;
    private final int[] items;
    private final double[] complexity;
    private final long[] bytes;
    private final int[] missingEmbeddings;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    BatchObservations(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        mask = capacity - 1;
        serviceNanos = new long[capacity];
        items = new int[capacity];
        complexity = new double[capacity];
        bytes = new long[capacity];
        missingEmbeddings = new int[capacity];
    }

    /** Worker side. */
    void add(final BatchSlot batch, final long nanos)
    {
        final long w = written.get();
        if (w - read.get() > mask)
        {
            dropped.lazySet(dropped.get() + 1);
            return;
        }
        final int i = (int)(w & mask);
        serviceNanos[i] = nanos;
        items[i] = batch.size;
        complexity[i] = batch.complexity;
        bytes[i] = batch.bytes;
        missingEmbeddings[i] = batch.missingEmbeddings;
        written.lazySet(w + 1);
    }

    /** Reader side: hands every observation written so far to {@code sink}, oldest first. */
    int drainTo(final Sink sink)
    {
        final long r = read.get();
        final long w = written.get();
        for (long s = r; s < w; s++)
        {
            final int i = (int)(s & mask);
            sink.accept(serviceNanos[i], items[i], complexity[i], bytes[i], missingEmbeddings[i]);
        }
        read.lazySet(w);
        return (int)(w - r);
    }

    long dropped()
    {
        return dropped.get();
    }

    @FunctionalInterface
    interface Sink
    {
        void accept(long serviceNanos, int items, double complexity, long bytes, int missingEmbeddings);
    }
}
