package dev.spindle.engine.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The hand-off of a box's batch from a cutter thread to the workers. The cutter fills only an EMPTY
 * box and makes it FULL with a release store; a worker takes a FULL box with a CAS to TAKEN (so its
 * owner and an idle worker stealing it never both run it), and empties it once its outcomes are
 * delivered, with a release store. Only the cutter writes FULL, only the taker writes EMPTY.
 * <p>
 * This is Spindle's replacement for Disruptor 3's WorkerPool where a cutter thread has a core of its
 * own: that design had every worker CAS a shared work sequence per item; here the cutter, which knows
 * which workers are idle, gives each batch to one of them, and a CAS happens once per batch.
 */
final class Mailbox
{
    private static final int EMPTY = 0;
    private static final int FULL = 1;
    private static final int TAKEN = 2;
    private static final VarHandle STATE;

    static
    {
        try
        {
            STATE = MethodHandles.lookup().findVarHandle(Mailbox.class, "state", int.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = EMPTY;

    /** Cutter side, on an EMPTY box: the box's batch was written before this call. */
    void offer()
    {
        STATE.setRelease(this, FULL);
    }

    /** Either side: nothing waits or runs in the box. */
    boolean isEmpty()
    {
        return (int)STATE.getAcquire(this) == EMPTY;
    }

    /** Either side: a batch waits in the box for a worker to take it. */
    boolean waiting()
    {
        return (int)STATE.getAcquire(this) == FULL;
    }

    /** Worker side: takes the waiting batch; false when there is none or another worker took it first. */
    boolean take()
    {
        return (int)STATE.getAcquire(this) == FULL && STATE.compareAndSet(this, FULL, TAKEN);
    }

    /** The worker that took the box (or the watchdog, once it owns an abandoned worker): the batch is done with, its results written. */
    void clear()
    {
        STATE.setRelease(this, EMPTY);
    }
}
