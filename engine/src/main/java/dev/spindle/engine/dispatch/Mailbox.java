package dev.spindle.engine.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A one-slot hand-off of a box's batch from a cutter thread to one worker. The cutter is the only
 * writer of FULL and fills only an empty box; the worker (or the watchdog, once it owns an abandoned
 * worker) is the only writer of EMPTY and empties only a full box. So neither side needs a CAS:
 * release writes and acquire reads carry the batch's contents to the worker and its results back.
 * <p>
 * This is Spindle's replacement for Disruptor 3's WorkerPool where a cutter thread has a core of its
 * own: that design had every worker CAS a shared work sequence; here the cutter, which knows which
 * workers are idle, gives each batch to one of them, and every line is written by one thread at a time.
 */
final class Mailbox
{
    private static final int EMPTY = 0;
    private static final int FULL = 1;
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

    /** Cutter side: the box's batch was written before this call. */
    void offer()
    {
        STATE.setRelease(this, FULL);
    }

    /** Either side: whether a batch waits (or runs) in the box. */
    boolean isFull()
    {
        return (int)STATE.getAcquire(this) == FULL;
    }

    /** Worker side (or the watchdog): the box's batch is done with, its results written. */
    void clear()
    {
        STATE.setRelease(this, EMPTY);
    }
}
