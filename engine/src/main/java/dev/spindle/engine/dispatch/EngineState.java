package dev.spindle.engine.dispatch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The engine's lifecycle as publishing threads, cutters and workers see it. Written only under the
 * engine's lifecycle lock; read without locks.
 * <p>
 * Closing: the phase is written first, then the ring's cursor is read as the drain target. A
 * producer that claimed a sequence and then sees the engine closed keeps its item when the sequence
 * is at or below the target (it was claimed before the read: the drain will process it) and
 * refuses it otherwise; nothing past the target is ever taken off the ring.
 */
public final class EngineState
{
    public static final int NEW = 0;
    public static final int RUNNING = 1;
    /** close(): no new submissions, everything accepted is processed. */
    public static final int DRAINING = 2;
    /** shutdownNow(): no new submissions, nothing new starts, the rest is rejected. */
    public static final int STOPPING = 3;
    public static final int TERMINATED = 4;

    private volatile int phase = NEW;
    /** The last ring sequence claimed before submissions stopped; MAX while accepting. */
    private volatile long drainTarget = Long.MAX_VALUE;
    private volatile boolean workersStopping;
    /** Bumped on every change, so a parked thread can tell that it has something to react to. */
    private volatile int version;
    private final CountDownLatch drained = new CountDownLatch(1);

    public int phase()
    {
        return phase;
    }

    int version()
    {
        return version;
    }

    public boolean accepting()
    {
        return phase <= RUNNING;
    }

    boolean rejecting()
    {
        return phase == STOPPING;
    }

    boolean drainRequested()
    {
        return phase >= DRAINING;
    }

    /** Nothing past this sequence is taken off the ring (MAX while accepting). */
    long drainTarget()
    {
        return drainTarget;
    }

    /**
     * For a producer that claimed {@code sequence} and then saw the engine closed: whether its item
     * is inside the drain. Waits out the instant between the phase write and the target write.
     */
    boolean claimedBeforeClose(final long sequence)
    {
        long target;
        while ((target = drainTarget) == Long.MAX_VALUE && !accepting())
        {
            Thread.onSpinWait();
        }
        return sequence <= target;
    }

    boolean workersStopping()
    {
        return workersStopping;
    }

    public void started()
    {
        phase = RUNNING;
        version++;
    }

    /** Order matters: the phase write comes before the cursor read (see the class comment). */
    public void stopAccepting(final int newPhase, final LongSupplier cursor)
    {
        final boolean first = phase < DRAINING;
        phase = newPhase;
        if (first)
        {
            drainTarget = cursor.getAsLong();
        }
        version++;
    }

    void markDrained()
    {
        drained.countDown();
    }

    public boolean isDrained()
    {
        return drained.getCount() == 0;
    }

    public boolean awaitDrained(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return drained.await(timeout, unit);
    }

    public void stopWorkers()
    {
        workersStopping = true;
        version++;
    }

    public void terminated()
    {
        phase = TERMINATED;
        version++;
    }
}
