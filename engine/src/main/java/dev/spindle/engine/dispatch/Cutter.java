package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.metrics.OutcomeCounter;

/**
 * Takes items off the ring and cuts them into batches. Exactly one thread at a time uses a cutter:
 * the worker holding the cutting right, or the cutter thread. Two final implementations, chosen at
 * construction: {@link RangeCutter} (one priority level, no deadlines: batches are ring ranges cut
 * where they lie) and {@link LaneCutter} (items staged in priority lanes by ring position).
 */
interface Cutter<T> extends CutterDuty.Backlog
{
    /** Reason every item of a batch cut but not started before {@code shutdownNow()} is REJECTED with. */
    String NOT_STARTED = "engine shut down before the item was processed";

    /** A hint any thread may read: something may wait to be cut (published unread items, or staged ones). */
    boolean mayHaveWork();

    /**
     * Cuts the next batch into {@code box}, sized as one of {@code sharers} equal shares of what waits
     * (1: a full batch), holding the box's gate before taking items off the ring. A batch that reaches
     * the budget or the count closes as BUDGET or COUNT, one with a due deadline as DEADLINE, anything
     * else as {@code partial} (why it was cut now: an idle worker, a linger, a drain). Items found past
     * their deadline are TIMED_OUT on the way, counted in {@code counter}. False when nothing was cut.
     */
    boolean cut(Box<T> box, int sharers, CloseReason partial, long now, OutcomeCounter counter);

    /** After {@code shutdownNow()}: every waiting item (in the ring up to the drain target, or staged) is REJECTED. */
    void rejectWaiting(long now, OutcomeCounter counter);

    /** Items staged in lanes (0 for cutting in place), as of the last cut; any thread. */
    int staged();

    /** The complexity waiting to be cut (items under unit cost), after taking in what was published. */
    @Override
    double waitingComplexity();

    /** The items waiting to be cut, as of the last {@link #waitingComplexity()}. */
    @Override
    long waitingItems();

    /** Submit time of the oldest waiting item, or {@link Long#MAX_VALUE} (also when it was left out of the latency sample). */
    @Override
    long oldestWaitingNanos();

    /** When this cutter next has something to do on its own (a deadline to act on), or {@link Long#MAX_VALUE}. */
    long nextTimerNanos();

    /** Acts on deadlines due by {@code now} (items that expired while every worker was busy). */
    void expireDue(long now, OutcomeCounter counter);
}
