package dev.spindle.engine.metrics;

import java.util.Map;

/**
 * An engine's {@link PerformanceReport} as JMX attributes, published as
 * {@code dev.spindle:type=Spindle,name=<threadNamePrefix>} while the engine runs. Scalars only, so
 * JConsole, VisualVM and exporters read plain numbers; latencies are in microseconds, counts since start.
 */
public interface SpindleMXBean
{
    double getWallSeconds();

    long getSubmitted();

    long getSucceeded();

    long getFailed();

    long getRejected();

    long getTimedOut();

    /** Submitted items without an outcome yet. */
    long getInFlight();

    double getItemsPerSecond();

    /** Σ worker busy time ÷ (workers × wall time), 0..1. */
    double getUtilization();

    long getBatches();

    double getMeanItemsPerBatch();

    double getMeanComplexityPerBatch();

    /** Batches per {@link CloseReason} name. */
    Map<String, Long> getBatchesByCloseReason();

    int getWorkers();

    int getPinnedWorkers();

    String getWaitMode();

    long getListenerErrors();

    long getWorkersReplaced();

    double getQueueWaitP50Micros();

    double getQueueWaitP99Micros();

    double getQueueWaitP999Micros();

    double getQueueWaitMaxMicros();

    double getBatchServiceP50Micros();

    double getBatchServiceP99Micros();

    double getBatchServiceP999Micros();

    double getBatchServiceMaxMicros();

    double getItemServiceP50Micros();

    double getItemServiceP99Micros();

    double getItemServiceP999Micros();

    double getItemServiceMaxMicros();

    double getEndToEndP50Micros();

    double getEndToEndP99Micros();

    double getEndToEndP999Micros();

    double getEndToEndMaxMicros();

    /** THROUGHPUT or LATENCY, or "none" when the engine runs with fixed knobs. */
    String getTunerObjective();

    /** WARMING_UP, CONVERGING, STEADY or INFEASIBLE, or "none" without tuning. */
    String getTunerState();

    /** The budget the cutter closes batches at now: the tuner's, or the configured one. */
    double getComplexityBudget();

    double getLingerMicros();

    /** Workers the tuner lets take batches now; all of them without tuning. */
    int getActiveWorkers();

    /** The cost model's error over the last interval (0.1 = 10 %); NaN before it saw a batch. */
    double getModelMape();
}
