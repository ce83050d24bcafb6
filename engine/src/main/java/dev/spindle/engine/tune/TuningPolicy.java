package dev.spindle.engine.tune;

/**
 * Decides, once per interval, where the cutter's knobs go next. {@link TunerPolicy} is Spindle's;
 * another implementation (the seed's bang-bang rule, say, as a baseline) can be plugged in with
 * {@code SpindleBuilder.tuningPolicy}. Called on the engine's tuner thread only.
 */
public interface TuningPolicy
{
    /** The knobs to start from, given the cost model's prior linearisation. */
    Knobs initial(double modelFixedNanos, double modelNanosPerComplexity);

    Decision decide(IntervalSignals signals, Knobs current);

    Objective objective();

    TunerState state();
}
