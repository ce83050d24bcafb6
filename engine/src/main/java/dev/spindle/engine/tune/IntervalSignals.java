package dev.spindle.engine.tune;

/**
 * What the engine measured over one interval, fed to {@link TunerPolicy#decide}. Deliberately a
 * handful of aggregates rather than raw samples: the policy stays cheap and reproducible, at the
 * price of judging the tail through one p99 per interval.
 *
 * @param interval the interval's index, counting from 0
 * @param utilization sum of the workers' busy time / (active workers x interval)
 * @param p99EndToEndNanos p99 of submit-to-outcome latency of the items completed in the interval
 * @param p99QueueWaitNanos p99 of submit-to-batch-start of the same items
 * @param backlogItems items staged or still in the ring at the interval's end
 * @param batches batches completed in the interval; the means below are over them
 * @param budgetClosedBatches of those, how many the budget or the item count closed (the budget binds)
 * @param lingerClosedBatches of those, how many the linger closed
 * @param modelFixedNanosPerBatch the cost model's fixed cost per batch, NaN while it has no fit
 * @param modelNanosPerComplexity the cost model's cost per unit of complexity, NaN while it has no fit
 * @param modelMape the cost model's mean absolute percentage error (0.1 = 10 %), NaN while unknown
 * @param usableCores cores that can actually run workers now
 */
public record IntervalSignals(
    long interval,
    long intervalNanos,
    double utilization,
    long p99EndToEndNanos,
    long p99QueueWaitNanos,
    long completedItems,
    long arrivedItems,
    long backlogItems,
    long batches,
    double meanBatchItems,
    double meanBatchComplexity,
    double meanBatchServiceNanos,
    long budgetClosedBatches,
    long lingerClosedBatches,
    double modelFixedNanosPerBatch,
    double modelNanosPerComplexity,
    double modelMape,
    int usableCores)
{
    public IntervalSignals
    {
        require(interval >= 0, "interval must be >= 0, was " + interval);
        require(intervalNanos > 0, "intervalNanos must be positive, was " + intervalNanos);
        require(utilization >= 0 && Double.isFinite(utilization), "utilization must be finite and >= 0, was " + utilization);
        require(p99EndToEndNanos >= 0 && p99QueueWaitNanos >= 0, "latencies must be >= 0, were " + p99EndToEndNanos + " and " + p99QueueWaitNanos);
        require(completedItems >= 0 && arrivedItems >= 0 && backlogItems >= 0 && batches >= 0,
            "item and batch counts must be >= 0, were completed " + completedItems + ", arrived " + arrivedItems + ", backlog "
                + backlogItems + ", batches " + batches);
        require(budgetClosedBatches >= 0 && lingerClosedBatches >= 0 && budgetClosedBatches + lingerClosedBatches <= batches,
            "close-reason counts must be >= 0 and sum to at most batches (" + batches + "), were budget " + budgetClosedBatches
                + ", linger " + lingerClosedBatches);
        require(meanBatchItems >= 0 && meanBatchComplexity >= 0 && meanBatchServiceNanos >= 0
                && Double.isFinite(meanBatchItems) && Double.isFinite(meanBatchComplexity) && Double.isFinite(meanBatchServiceNanos),
            "batch means must be finite and >= 0, were items " + meanBatchItems + ", complexity " + meanBatchComplexity + ", service "
                + meanBatchServiceNanos);
        require(Double.isNaN(modelFixedNanosPerBatch) || modelFixedNanosPerBatch >= 0 && Double.isFinite(modelFixedNanosPerBatch),
            "modelFixedNanosPerBatch must be finite and >= 0, or NaN before the model has a fit, was " + modelFixedNanosPerBatch);
        require(Double.isNaN(modelNanosPerComplexity) || modelNanosPerComplexity > 0 && Double.isFinite(modelNanosPerComplexity),
            "modelNanosPerComplexity must be finite and positive, or NaN before the model has a fit, was " + modelNanosPerComplexity);
        require(Double.isNaN(modelMape) || modelMape >= 0, "modelMape must be >= 0 or NaN, was " + modelMape);
        require(usableCores >= 1, "usableCores must be >= 1, was " + usableCores);
    }

    /** Share of the interval's batches the budget (or count) closed; 0 without batches. */
    public double budgetBoundShare()
    {
        return batches == 0 ? 0 : (double)budgetClosedBatches / batches;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
