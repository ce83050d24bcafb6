package dev.spindle.journal;

import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The journal thread's default idling: after a drain it sleeps a fixed short time (so under steady load
 * it wakes at most once per sleep and frames stay large), and if the ring is still empty it parks until a
 * producer wakes it, or a longer timeout. Engines that journal in bursts (a slow processor, an idle
 * period) thus get their records on file within microseconds of the burst, not a sleep later, and pay
 * one unpark per burst; engines at full speed never see the journal thread parked and pay nothing but
 * a volatile read per record.
 */
final class WakingIdleStrategy implements IdleStrategy
{
    private final long sleepNanos;
    private final long parkNanos;
    private RingBuffer ring;
    private volatile Thread thread;
    private volatile boolean parked;

    WakingIdleStrategy(final long sleepNanos, final long parkNanos)
    {
        this.sleepNanos = sleepNanos;
        this.parkNanos = parkNanos;
    }

    /** The ring whose records end the park; set before the journal thread starts. */
    void watch(final RingBuffer ring)
    {
        this.ring = ring;
    }

    /** True while the journal thread is parked waiting for a record. */
    boolean parked()
    {
        return parked;
    }

    void wake()
    {
        parked = false;
        final Thread sleeper = thread;
        if (sleeper != null)
        {
            LockSupport.unpark(sleeper);
        }
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
        if (thread == null)
        {
            thread = Thread.currentThread();
        }
        LockSupport.parkNanos(sleepNanos);
        if (ring.size() > 0)
        {
            return;
        }
        parked = true; // then re-check: a producer claims (writes the tail) before it reads parked
        if (ring.size() == 0)
        {
            LockSupport.parkNanos(parkNanos);
        }
        parked = false;
    }

    @Override
    public void reset()
    {
    }
}
