package dev.spindle.engine;

/** Why the cutter closed a batch. */
public enum CloseReason
{
    /** The next item would have taken the batch past its complexity budget (or alone exceeds it). */
    BUDGET,
    /** The batch reached the maximum item count. */
    COUNT,
    /** The oldest staged item waited the maximum linger. */
    LINGER,
    /** A worker was idle, so the batch was cut now rather than filled (work conservation). */
    IDLE_WORKER,
    /** An item's deadline left too little slack to wait for more items. */
    DEADLINE,
    /** The engine is closing and cuts whatever is staged. */
    DRAIN
}
