package dev.spindle.engine.tune;

/**
 * Knobs for a batch target: the budget through the model, the linger one batch time (a lingering
 * batch then waits about as long as a worker takes to free up), all within the settings' bounds.
 * The batch target is the only batch knob the rules move; the rest follows it here.
 */
final class KnobDerivation
{
    private final TunerSettings settings;

    KnobDerivation(final TunerSettings settings)
    {
        this.settings = settings;
    }

    /** With the target unchanged, a model refresh alone moves the budget only past the dead band. */
    Knobs knobs(final long batchNanos, final int activeWorkers, final double fixed, final double perComplexity, final Knobs previous)
    {
        double budget = Math.min(settings.maxBudget(), Math.max(settings.minBudget(), (batchNanos - fixed) / perComplexity));
        if (previous != null && previous.targetBatchNanos() == batchNanos
            && previous.complexityBudget() >= settings.minBudget() && previous.complexityBudget() <= settings.maxBudget()
            && Math.abs(budget / previous.complexityBudget() - 1) <= settings.deadBand())
        {
            budget = previous.complexityBudget();
        }
        final long linger = Math.max(settings.minLingerNanos(), Math.min(settings.maxLingerNanos(), batchNanos));
        return new Knobs(batchNanos, budget, linger, activeWorkers, fixed, perComplexity);
    }

    Knobs withBatch(final Knobs knobs, final long batchNanos)
    {
        return knobs(batchNanos, knobs.activeWorkers(), knobs.fixedNanosPerBatch(), knobs.nanosPerComplexity(), null);
    }

    static Knobs withWorkers(final Knobs knobs, final int activeWorkers)
    {
        return new Knobs(knobs.targetBatchNanos(), knobs.complexityBudget(), knobs.lingerNanos(), activeWorkers,
            knobs.fixedNanosPerBatch(), knobs.nanosPerComplexity());
    }

    long clampBatch(final double nanos)
    {
        return Math.max(settings.minBatchNanos(), Math.min(settings.maxBatchNanos(), Math.round(nanos)));
    }
}
