package dev.spindle.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Everything that belongs to worker position {@code id} rather than to the thread currently filling
 * it: the mailboxes, the wake-up, the counters and the watchdog's view of the running batch. When the
 * watchdog replaces a stuck thread, the new thread takes over the same slot.
 * <p>
 * Two one-slot mailboxes, taken in turn: while the worker runs the batch in one, the cutter may queue
 * the next in the other, so a worker with work waiting never waits for the cutter between batches.
 * Each box keeps the one-writer-per-direction protocol of {@link Mailbox}; the cutter offers into the
 * boxes in the same alternating order the worker takes them.
 */
final class WorkerSlot
{
    private static final int BUSY_NANOS = 0;
    private static final int BATCHES = 1;
    private static final int ITEMS = 2;
    private static final int STATS = 3;

    final int id;
    final Mailbox[] boxes = {new Mailbox(), new Mailbox()};
    /** The box the worker takes next: flipped by the owning thread after each batch, or by the watchdog before it starts a replacement. */
    volatile int turn;
    final Wakeup wakeup;
    final LatencyRecorders latency = new LatencyRecorders();
    final OutcomeCounter outcomes = new OutcomeCounter.SingleWriter();
    final BatchObservations observations = new BatchObservations(4096);
    private final AtomicLongArray stats = new AtomicLongArray(STATS);
    private volatile double complexitySum;
    private volatile double fillSum;

    static final long NOT_RUNNING = -1;

    /**
     * The batch being processed, for the watchdog. The worker writes slot, start and deadline before
     * the batch id, and clears the id first; a reader that sees the same id before and after reading
     * the others has a consistent view (batch ids never repeat).
     */
    volatile long runningBatchId = NOT_RUNNING;
    volatile int runningSlot = Mailbox.EMPTY;
    volatile long runningDeadline = Long.MAX_VALUE;
    volatile long runningSince;
    volatile Thread thread;
    volatile int generation;
    volatile int pinnedCpu = -1;

    /** The box whose batch the worker runs, or would take next. */
    Mailbox current()
    {
        return boxes[turn];
    }

    WorkerSlot(final int id, final WaitMode waitMode)
    {
        this.id = id;
        this.wakeup = new Wakeup(Wakeup.parks(waitMode));
    }

    /** Written only by the thread that currently owns the slot. */
    void addBatch(final long busyNanos, final int items, final double complexity, final double fill)
    {
        fillSum = fillSum + fill;
        stats.lazySet(BUSY_NANOS, stats.get(BUSY_NANOS) + busyNanos);
        stats.lazySet(BATCHES, stats.get(BATCHES) + 1);
        stats.lazySet(ITEMS, stats.get(ITEMS) + items);
        complexitySum = complexitySum + complexity;
    }

    long busyNanos()
    {
        return stats.get(BUSY_NANOS);
    }

    long batches()
    {
        return stats.get(BATCHES);
    }

    long items()
    {
        return stats.get(ITEMS);
    }

    double complexitySum()
    {
        return complexitySum;
    }

    /** Σ complexity ÷ budget at cut, over every batch. */
    double fillSum()
    {
        return fillSum;
    }
}
