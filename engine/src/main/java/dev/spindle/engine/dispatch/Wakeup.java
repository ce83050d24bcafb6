package dev.spindle.engine.dispatch;

import dev.spindle.engine.WaitMode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets one thread park while idle and others wake it, without a lost wake-up and without a syscall
 * when the owner is not parked. The owner announces {@code parked}, then re-checks the work
 * condition; a signaller publishes work, then reads {@code parked}. A full fence on each side
 * between its write and its read means at least one of them sees the other (a Dekker handshake).
 */
final class Wakeup implements Parker
{
    private static final VarHandle PARKED;

    static
    {
        try
        {
            PARKED = MethodHandles.lookup().findVarHandle(Wakeup.class, "parked", boolean.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final WorkCondition ALWAYS = () -> true;

    private final boolean ownerParks;
    private volatile Thread owner;
    @SuppressWarnings("unused") // accessed through PARKED
    private volatile boolean parked;

    /** {@code ownerParks} false (a spinning wait mode): the owner never parks and signals cost nothing. */
    Wakeup(final boolean ownerParks)
    {
        this.ownerParks = ownerParks;
    }

    static boolean parks(final WaitMode mode)
    {
        return mode == WaitMode.BLOCKING || mode == WaitMode.BACKOFF;
    }

    void owner(final Thread owner)
    {
        this.owner = owner;
    }

    /**
     * Parks the owner unless {@code hasWork} says there is work; returns at the latest after
     * {@code maxNanos} (or never times out when {@code maxNanos} is {@link Long#MAX_VALUE}).
     */
    @Override
    public void park(final WorkCondition hasWork, final long maxNanos)
    {
        PARKED.setOpaque(this, true);
        VarHandle.fullFence();
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
            PARKED.setOpaque(this, false);
        }
    }

    /** Called after publishing work: unparks the owner if it is, or is about to be, parked. */
    void signal()
    {
        signalIf(ALWAYS);
    }

    /**
     * Like {@link #signal}, but only when {@code wanted} says the owner has a use for the work just
     * published; {@code wanted} is read after the fence, so an owner that set it before parking is seen.
     */
    void signalIf(final WorkCondition wanted)
    {
        if (!ownerParks)
        {
            return;
        }
        VarHandle.fullFence();
        if ((boolean)PARKED.getOpaque(this) && wanted.hasWork())
        {
            final Thread thread = owner;
            if (thread != null)
            {
                LockSupport.unpark(thread);
            }
        }
    }

    boolean isParked()
    {
        return (boolean)PARKED.getVolatile(this);
    }

}
