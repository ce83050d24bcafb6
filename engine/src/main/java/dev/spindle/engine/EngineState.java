package dev.spindle.engine;

import java.util.concurrent.CountDownLatch;

/**
 * The engine's lifecycle as the submitting threads, the cutter and the workers see it. Written
 * only under the engine's lifecycle lock; read without locks.
 */
final class EngineState
{
    static final int NEW = 0;
    static final int RUNNING = 1;
    /** close(): no new submissions, everything accepted is processed. */
    static final int DRAINING = 2;
    /** shutdownNow(): no new submissions, nothing new starts, the rest is rejected. */
    static final int STOPPING = 3;
    static final int TERMINATED = 4;

    private volatile int phase = NEW;
    /** The last ring sequence claimed before submissions stopped; the cutter drains up to it. */
    private volatile long drainTarget = Long.MAX_VALUE;
    private volatile boolean workersStopping;
    /** Bumped on every change, so the cutter can tell that it has something new to react to. */
    private volatile int version;
    private final CountDownLatch drained = new CountDownLatch(1);

    int phase()
    {
        return phase;
    }

    int version()
    {
        return version;
    }

    boolean accepting()
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

    long drainTarget()
    {
        return drainTarget;
    }

    boolean workersStopping()
    {
        return workersStopping;
    }

    void started()
    {
        phase = RUNNING;
        version++;
    }

    /** Order matters: the phase write comes before the cursor read (see {@link Spindle#submit}). */
    void stopAccepting(final int newPhase, final java.util.function.LongSupplier cursor)
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

    boolean isDrained()
    {
        return drained.getCount() == 0;
    }

    void awaitDrained() throws InterruptedException
    {
        drained.await();
    }

    void stopWorkers()
    {
        workersStopping = true;
        version++;
    }

    void terminated()
    {
        phase = TERMINATED;
        version++;
    }
}
