package dev.spindle.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts completions from any number of engine threads without a lock, a CAS or an allocation per
 * item: each thread owns one cache-line-padded slot (found through a ThreadLocal, registered once per
 * thread) and bumps it with a release store; the waiting benchmark thread sums the slots.
 * Every engine in the shootout counts through this class, so its cost is the same for all of them.
 */
final class CompletionCounter
{
    private static final int MAX_THREADS = 256;
    private static final long STALL_NANOS = 30_000_000_000L;

    private final AtomicReferenceArray<PaddedCount> slots = new AtomicReferenceArray<>(MAX_THREADS);
    private final AtomicInteger registered = new AtomicInteger();
    private final ThreadLocal<PaddedCount> local = ThreadLocal.withInitial(this::register);

    /** Called once per completed item, on the thread that completed it. */
    void complete()
    {
        local.get().increment();
    }

    long sum()
    {
        final int n = Math.min(registered.get(), MAX_THREADS);
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            final PaddedCount slot = slots.get(i);
            if (slot != null)
            {
                total += slot.get();
            }
        }
        return total;
    }

    /**
     * Yields until at least {@code target} items have completed. Fails instead of hanging when no
     * item completes for 30 s (a lost item is an engine bug the benchmark must not hide).
     */
    void awaitAtLeast(final long target)
    {
        long seen = sum();
        long lastProgress = System.nanoTime();
        int polls = 0;
        while (seen < target)
        {
            Thread.yield();
            final long now = sum();
            if (now != seen)
            {
                seen = now;
                polls = 0;
                lastProgress = System.nanoTime();
            }
            else if ((++polls & 0x3FF) == 0 && System.nanoTime() - lastProgress > STALL_NANOS)
            {
                throw new IllegalStateException("no completion for 30 s: " + seen + " of " + target + " completed");
            }
        }
    }

    private PaddedCount register()
    {
        final int index = registered.getAndIncrement();
        if (index >= MAX_THREADS)
        {
            throw new IllegalStateException("more than " + MAX_THREADS + " threads completed items");
        }
        final PaddedCount slot = new PaddedCount();
        slots.set(index, slot);
        return slot;
    }
}
