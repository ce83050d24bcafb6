package dev.spindle.journal.replay;

/** How a replay or a simulation sends the recorded items. */
public enum Timing
{
    /**
     * At the recorded inter-arrival times, open loop: the sender never waits on the engine's progress,
     * and latency counts from each item's intended send time, so a stalled engine cannot hide its stall.
     */
    ORIGINAL,
    /** All at once: as fast as backpressure allows (a replay) or every item at the first submit time (a simulation). */
    MAX
}
