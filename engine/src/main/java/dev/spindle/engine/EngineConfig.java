package dev.spindle.engine;

/** The validated, resolved settings of one engine. Times are in nanoseconds. */
record EngineConfig(
    BatchProcessor processor,
    OutcomeListener listener,
    ComplexityScorer complexityScorer,
    PriorityScorer priorityScorer,
    int workers,
    int ringSize,
    int stagingCapacity,
    double complexityBudget,
    int maxBatchItems,
    long maxLingerNanos,
    long agingBoundNanos,
    int[] laneFloors,
    long deadlineSlackNanos,
    long batchTimeoutNanos,
    Backpressure backpressure,
    WaitMode waitMode,
    Pinning pinning,
    boolean singleProducer,
    int maxQueuedBatches,
    String threadNamePrefix,
    long intervalNanos,
    IntervalListener intervalListener,
    dev.spindle.engine.tune.TuningPolicy tuning,
    JournalTap tap)
{
    int laneOf(final int priority)
    {
        final int[] floors = laneFloors;
        for (int lane = 0; lane < floors.length; lane++)
        {
            if (priority >= floors[lane])
            {
                return lane;
            }
        }
        return floors.length - 1;
    }
}
