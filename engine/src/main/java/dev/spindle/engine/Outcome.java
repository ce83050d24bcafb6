package dev.spindle.engine;

/** The terminal state of a submitted item; every submitted item reaches exactly one. */
public enum Outcome
{
    SUCCEEDED,
    FAILED,
    /** Refused by backpressure or shutdown, or invalid on submission; the item was never processed. */
    REJECTED,
    TIMED_OUT
}
