package dev.spindle.engine.tune;

import java.util.Objects;

/**
 * One interval's verdict: what was read, what ran, what runs next, and why in words. Kept whole
 * (signals included) so a log of decisions replays and explains the tuner without the engine, at
 * the cost of a few hundred bytes per interval.
 */
public record Decision(long interval, IntervalSignals signals, Knobs before, Knobs after, TunerState state, String reason)
{
    public Decision
    {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank())
        {
            throw new IllegalArgumentException("a decision needs a reason");
        }
    }

    /** True when the engine runs differently next interval (a model-coefficient refresh alone does not count). */
    public boolean changed()
    {
        return !before.sameControls(after);
    }
}
