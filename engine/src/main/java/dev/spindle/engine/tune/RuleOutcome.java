package dev.spindle.engine.tune;

/**
 * What one objective's rules made of an interval: the knobs to run next, why, and of what kind the
 * verdict is, which is all {@link TunerPolicy} needs to move between CONVERGING, STEADY and INFEASIBLE.
 */
record RuleOutcome(Kind kind, Knobs knobs, String reason)
{
    enum Kind
    {
        MOVED,
        HELD,
        SETTLED,
        STUCK
    }

    static RuleOutcome moved(final Knobs knobs, final String reason)
    {
        return new RuleOutcome(Kind.MOVED, knobs, reason);
    }

    static RuleOutcome held(final Knobs knobs, final String reason)
    {
        return new RuleOutcome(Kind.HELD, knobs, reason);
    }

    static RuleOutcome settled(final Knobs knobs, final String reason)
    {
        return new RuleOutcome(Kind.SETTLED, knobs, reason);
    }

    static RuleOutcome stuck(final Knobs knobs, final String reason)
    {
        return new RuleOutcome(Kind.STUCK, knobs, reason);
    }
}
