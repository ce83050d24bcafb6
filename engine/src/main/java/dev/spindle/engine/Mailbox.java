package dev.spindle.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A one-slot handoff of batch slot indices from the cutter to one worker. The cutter is the only
 * writer of a non-empty value and offers only into an empty box; the worker is the only writer of
 * {@link #EMPTY} and clears only a full box. So neither side needs a CAS: release writes and
 * acquire reads carry the batch's contents to the worker and its results back to the cutter.
 * <p>
 * This is Spindle's replacement for Disruptor 3's WorkerPool. That design had every worker CAS a
 * shared work sequence, a hot spot that grows with the worker count; here the single cutter, which
 * already knows which workers are idle, gives each batch to one of them, and every cache line is
 * written by one thread at a time.
 */
final class Mailbox
{
    static final int EMPTY = -1;

    private static final VarHandle SLOT;

    static
    {
        try
        {
            SLOT = MethodHandles.lookup().findVarHandle(Mailbox.class, "slot", int.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through SLOT
    private volatile int slot = EMPTY;

    /** Cutter side: true if the worker has no batch (and the results of its last one are visible). */
    boolean isEmpty()
    {
        return (int)SLOT.getAcquire(this) == EMPTY;
    }

    /** Cutter side: hands over a batch whose contents were written before this call. */
    void offer(final int batchSlot)
    {
        SLOT.setRelease(this, batchSlot);
    }

    /** Worker side: the offered batch slot, or {@link #EMPTY}. */
    int peek()
    {
        return (int)SLOT.getAcquire(this);
    }

    /** Worker side (or the watchdog, once it owns an abandoned worker): returns the box to the cutter. */
    void clear()
    {
        SLOT.setRelease(this, EMPTY);
    }
}
