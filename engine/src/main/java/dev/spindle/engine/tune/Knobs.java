package dev.spindle.engine.tune;

/**
 * What the engine runs with for one interval. The batch target is the tuner's real knob; the budget
 * is derived from it through the cost model and the linger follows it, so the cutter needs no model
 * of its own, at the price of the budget being only as right as the model's linearisation.
 *
 * @param targetBatchNanos the batch duration the budget was derived from
 * @param complexityBudget max(minBudget, (targetBatchNanos - fixedNanosPerBatch) / nanosPerComplexity), within the budget bounds
 * @param fixedNanosPerBatch the model's fixed cost per batch the policy used; the cutter predicts a
 *     batch's time as {@code fixedNanosPerBatch + nanosPerComplexity * complexity} for deadline-aware cutting
 * @param nanosPerComplexity the model's cost per unit of complexity the policy used
 */
public record Knobs(
    long targetBatchNanos,
    double complexityBudget,
    long lingerNanos,
    int activeWorkers,
    double fixedNanosPerBatch,
    double nanosPerComplexity)
{
    public Knobs
    {
        require(targetBatchNanos > 0, "targetBatchNanos must be positive, was " + targetBatchNanos);
        require(complexityBudget > 0 && Double.isFinite(complexityBudget), "complexityBudget must be positive and finite, was " + complexityBudget);
        require(lingerNanos >= 0, "lingerNanos must be >= 0, was " + lingerNanos);
        require(activeWorkers >= 1, "activeWorkers must be >= 1, was " + activeWorkers);
        require(fixedNanosPerBatch >= 0 && Double.isFinite(fixedNanosPerBatch), "fixedNanosPerBatch must be finite and >= 0, was " + fixedNanosPerBatch);
        require(nanosPerComplexity > 0 && Double.isFinite(nanosPerComplexity), "nanosPerComplexity must be positive and finite, was " + nanosPerComplexity);
    }

    /** The batch time the cutter should expect for a batch of the given complexity. */
    public double predictedBatchNanos(final double complexity)
    {
        return fixedNanosPerBatch + nanosPerComplexity * complexity;
    }

    /** True when the engine would run differently: the model coefficients alone do not count. */
    public boolean sameControls(final Knobs other)
    {
        return targetBatchNanos == other.targetBatchNanos && complexityBudget == other.complexityBudget
            && lingerNanos == other.lingerNanos && activeWorkers == other.activeWorkers;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
