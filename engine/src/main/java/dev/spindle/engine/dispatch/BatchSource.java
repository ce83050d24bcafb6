package dev.spindle.engine.dispatch;

/**
 * Where a worker's next batch comes from: cut by the worker itself ({@link WorkersCut}) or handed
 * over by a cutter thread ({@link CutterThread}). Chosen once at construction.
 */
interface BatchSource<T>
{
    long NOTHING = Long.MIN_VALUE;

    /** Readies a batch and leaves its box in {@code worker.taken}: returns its start time, or {@link #NOTHING} when there is none now. */
    long take(WorkerSlot<T> worker);

    /** What a parked worker of this source re-checks after announcing that it parks. */
    boolean hasWork(WorkerSlot<T> worker);

    /** How a worker of this source parks. */
    Parker parker(WorkerSlot<T> worker);

    /** The worker delivered every outcome of {@code box}'s batch: the box and its ring slots go back. */
    void done(WorkerSlot<T> worker, Box<T> box);

    /** A new thread fills {@code worker}'s position. */
    void started(WorkerSlot<T> worker);

    /** Lifecycle or tuning moved on: every idle thread re-checks. */
    void wakeAll();

    /** The housekeeping thread's tick: act on deadlines that came due while every worker was busy. */
    void sweep(long now);
}
