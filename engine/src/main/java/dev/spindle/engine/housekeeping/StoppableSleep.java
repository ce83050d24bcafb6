package dev.spindle.engine.housekeeping;

import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.IdleStrategy;

/**
 * Agrona's sleeping idle for the engine's background agents (watchdog, tuner), with one addition:
 * {@link #stop()} cuts the current sleep short and makes later idles return at once, so closing the
 * engine does not wait out a sleep of up to 100 ms. After stop the agent spins until its runner
 * sees the close; that window is one loop of the runner.
 */
public final class StoppableSleep implements IdleStrategy
{
    private final long sleepNanos;
    private volatile Thread sleeper;
    private volatile boolean stopped;

    public StoppableSleep(final long sleepNanos)
    {
        this.sleepNanos = sleepNanos;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount <= 0)
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (sleeper == null)
        {
            sleeper = Thread.currentThread();
        }
        if (!stopped)
        {
            LockSupport.parkNanos(this, sleepNanos);
        }
    }

    @Override
    public void reset()
    {
    }

    /** Wakes the sleeping agent now and keeps it from sleeping again (parkNanos may return early anyway). */
    public void stop()
    {
        stopped = true;
        final Thread thread = sleeper;
        if (thread != null)
        {
            LockSupport.unpark(thread);
        }
    }
}
