package dev.spindle.engine.dispatch;

import com.lmax.disruptor.Sequence;

/**
 * Where one batch of a worker position lives: its batch slot, the gate that holds the ring slots
 * the batch covers ({@code minSequence - 1} while held, MAX while free), and, behind a cutter
 * thread, the mailbox through which the batch is handed over. Whoever owns the batch writes the
 * gate: the cutter when it cuts into the box, the worker when it is done, the watchdog when it
 * takes the batch away from a stuck worker.
 */
final class Box<T>
{
    final Sequence gate = new Sequence(Long.MAX_VALUE);
    final Mailbox mailbox = new Mailbox();
    /** Replaced (never reused) when the watchdog abandons the batch a stuck thread still holds. */
    private volatile BatchSlot<T> batch;

    Box(final BatchSlot<T> batch)
    {
        this.batch = batch;
    }

    BatchSlot<T> batch()
    {
        return batch;
    }

    void replace(final BatchSlot<T> fresh)
    {
        batch = fresh;
    }

    /** Holds the ring from {@code minSequence} on; before the items are taken off the ring (see {@link SlotRing}). */
    void hold(final long minSequence)
    {
        gate.set(minSequence - 1);
    }

    /** Lets the ring move past the batch; a full fence, so whoever checks for quiescence after it sees it. */
    void release()
    {
        gate.setVolatile(Long.MAX_VALUE);
    }
}
