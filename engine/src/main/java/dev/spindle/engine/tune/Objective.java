package dev.spindle.engine.tune;

/** What the tuner optimises; the user picks one. */
public enum Objective
{
    /**
     * Hold the target utilization with the fewest overhead-paying batches: park the workers the load
     * does not need, so the rest run fuller batches, and keep a full batch's fixed cost under 5 %.
     * Latency is not a goal; a backlog may drain at its own pace.
     */
    THROUGHPUT,
    /**
     * Hold the target p99 end-to-end latency with the largest batches that keep it: grow a binding
     * budget and park workers while there is slack, shrink batches or add workers when over target.
     */
    LATENCY
}
