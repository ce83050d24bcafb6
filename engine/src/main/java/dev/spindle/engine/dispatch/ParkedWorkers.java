package dev.spindle.engine.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The idle workers of a pool whose workers cut their own batches, as one bit each, and the ring
 * signal that wakes one of them. A worker sets its bit (an atomic read-modify-write, so a full
 * fence), re-checks for work and parks; a producer publishes, fences and, only when some bit is
 * set, clears one with a CAS and unparks that worker. Either the worker sees the item or the
 * producer sees the bit: no wake-up is lost, and with every worker busy a publish costs a fence
 * and one read of a line nobody writes.
 * <p>
 * One wake-up at a time: while a woken worker has not yet looked at the ring, publishes wake
 * nobody else (it will cut a share of everything that arrived, and wake the next worker if work
 * remains). The woken worker clears the flag before it looks, so an item published after it looked
 * sees the flag clear (the same fenced handshake), and a burst of publishes costs one wake-up, not
 * one per parked worker.
 */
final class ParkedWorkers extends RingSignal
{
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);
    /** The words sit a cache line in from both ends of their array: producers read them on every publish. */
    private static final int PAD = 8;

    private final long[] words;
    private final int wordCount;
    private final AtomicReferenceArray<Thread> threads;
    private final PaddedFlag waking = new PaddedFlag();

    ParkedWorkers(final int workers)
    {
        this.wordCount = (workers + 63) >>> 6;
        this.words = new long[PAD + wordCount + PAD];
        this.threads = new AtomicReferenceArray<>(workers);
    }

    /** The thread now filling worker position {@code w}. */
    void register(final int w, final Thread thread)
    {
        threads.set(w, thread);
    }

    /** A parker for worker {@code w}, to hand to its idle strategy. */
    Parker seat(final int w)
    {
        final int word = PAD + (w >>> 6);
        final long bit = 1L << (w & 63);
        return (hasWork, maxNanos) ->
        {
            WORD.getAndBitwiseOr(words, word, bit);
            try
            {
                if (!hasWork.hasWork())
                {
                    if (maxNanos == Long.MAX_VALUE)
                    {
                        LockSupport.park(this);
                    }
                    else if (maxNanos > 0)
                    {
                        LockSupport.parkNanos(this, maxNanos);
                    }
                }
            }
            finally
            {
                if (((long)WORD.getVolatile(words, word) & bit) != 0)
                {
                    WORD.getAndBitwiseAnd(words, word, ~bit);
                }
            }
        };
    }

    @Override
    public void signalAllWhenBlocking()
    {
        VarHandle.fullFence();
        wakeOneUnlessPending();
    }

    /** Wakes a parked worker unless one was woken and has not looked yet; the caller published work and fenced. */
    void wakeOneUnlessPending()
    {
        if (!waking.get() && anyParked())
        {
            waking.set(true);
            wakeOne();
        }
    }

    /** A worker about to look at the ring: any wake-up in flight has done its job. */
    void looking()
    {
        if (waking.get())
        {
            waking.set(false);
        }
    }

    /** True when some worker is parked (or about to park); read after the caller's fence. */
    boolean anyParked()
    {
        for (int i = PAD; i < PAD + wordCount; i++)
        {
            if ((long)WORD.getVolatile(words, i) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /** Wakes one parked worker, if any; the caller published work and fenced first. */
    boolean wakeOne()
    {
        for (int i = PAD; i < PAD + wordCount; i++)
        {
            long v;
            while ((v = (long)WORD.getVolatile(words, i)) != 0)
            {
                final long bit = Long.lowestOneBit(v);
                if (WORD.compareAndSet(words, i, v, v & ~bit))
                {
                    final Thread thread = threads.get(((i - PAD) << 6) + Long.numberOfTrailingZeros(bit));
                    if (thread != null)
                    {
                        LockSupport.unpark(thread);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** Lifecycle and tuning changes: every worker re-checks. */
    void wakeAll()
    {
        VarHandle.fullFence();
        for (int w = 0; w < threads.length(); w++)
        {
            final Thread thread = threads.get(w);
            if (thread != null)
            {
                LockSupport.unpark(thread);
            }
        }
    }
}
