package dev.spindle.engine.dispatch;

import dev.spindle.engine.metrics.WorkerMeters;

/**
 * Everything that belongs to worker position {@code id} rather than to the thread now filling it:
 * its boxes, how it parks, its meters and the watchdog's view of the running batch (whose box may be
 * another position's, stolen behind a cutter thread). When the watchdog replaces a stuck thread, the
 * new thread takes over the same position.
 */
final class WorkerSlot<T>
{
    static final long NOT_RUNNING = -1;

    final int id;
    final Box<T>[] boxes;
    /** The box the thread of this position took last (its own, or, behind a cutter thread, one it stole); its thread's alone. */
    Box<T> taken;
    /** How the thread parks while it has nothing to do. */
    final Parker parker;
    /** How a thread of this position parks while the tuner keeps the position inactive (and behind a cutter thread, while idle). */
    final Wakeup wakeup;
    final WorkerMeters meters;

    /**
     * The batch being processed, for the watchdog. The worker writes box, start and deadline before
     * the batch id, and clears the id first; a reader that sees the same id before and after reading
     * the others has a consistent view (batch ids never repeat).
     */
    volatile long runningBatchId = NOT_RUNNING;
    volatile Box<T> runningBox;
    volatile long runningDeadline = Long.MAX_VALUE;
    volatile long runningSince;
    volatile Thread thread;
    volatile int generation;
    volatile int pinnedCpu = -1;

    WorkerSlot(final int id, final Box<T>[] boxes, final Parker parker, final Wakeup wakeup, final WorkerMeters meters)
    {
        this.id = id;
        this.boxes = boxes;
        this.parker = parker;
        this.wakeup = wakeup;
        this.meters = meters;
    }

    /** Whether a batch waits in one of this position's own boxes (behind a cutter thread). */
    boolean handedWork()
    {
        for (final Box<T> box : boxes)
        {
            if (box.mailbox.waiting())
            {
                return true;
            }
        }
        return false;
    }
}
