package dev.spindle.engine.tune;

/** Where the tuner stands; every {@link Decision} carries one. */
public enum TunerState
{
    /** The first interval with enough samples is only observed: a cold JIT and empty caches would mislead it. */
    WARMING_UP,
    /** A knob moved recently, or one wants to and waits: for reversal damping, a drain, or a second interval confirming a p99 excess. */
    CONVERGING,
    /** The objective has been held for a few intervals with no knob moving (or every helpful knob is at its bound and not needed). */
    STEADY,
    /**
     * The objective cannot be met within the settings' bounds: LATENCY's p99 stays above target with
     * the smallest batch target the capacity allows and every usable worker; THROUGHPUT's backlog keeps
     * growing with every usable worker and the largest batch target. Knobs hold until the objective
     * is within reach again (p99 under target, the backlog no longer growing, or more cores usable).
     */
    INFEASIBLE
}
