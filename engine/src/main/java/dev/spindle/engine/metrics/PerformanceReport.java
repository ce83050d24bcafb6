package dev.spindle.engine.metrics;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.WaitMode;

import java.util.Map;

/**
 * A snapshot of an engine's counters and latency distributions since it started.
 *
 * @param wallNanos          time since start (or from start to termination once closed)
 * @param submitted          items offered to {@code publish}, including those refused at the door
 * @param workerBusyNanos    time each worker slot spent processing batches
 * @param utilization        Σ busy / (workers × wall)
 * @param queueWait          submission to batch start, per processed item
 * @param service            batch processing time, per batch
 * @param endToEnd           submission to outcome, per processed item
 * @param listenerErrors     exceptions thrown by the outcome listener (never fatal)
 * @param workersReplaced    workers abandoned by the watchdog on a timed-out batch and replaced
 * @param itemService        each processed item's equal share of its batch's processing time
 * @param tuner              the cost model's error and, when tuning, the objective, state, knobs and recent decisions
 * @param dispatch           who cuts batches ({@code WORKERS_CUT} or {@code CUTTER_THREAD}) and why
 * @param latencySampleEvery 1 when every item's latency is recorded; else, while items arrived faster than one a
 *                           microsecond, the histograms hold one item in N, weighted N
 */
public record PerformanceReport(
    long wallNanos,
    long submitted,
    long succeeded,
    long failed,
    long rejected,
    long timedOut,
    double itemsPerSecond,
    long batches,
    double meanItemsPerBatch,
    double meanComplexityPerBatch,
    Map<CloseReason, Long> closeReasons,
    int workers,
    long[] workerBusyNanos,
    double utilization,
    LatencySummary queueWait,
    LatencySummary service,
    LatencySummary endToEnd,
    long listenerErrors,
    long workersReplaced,
    WaitMode waitMode,
    int pinnedWorkers,
    LatencySummary itemService,
    TunerReport tuner,
    String dispatch,
    int latencySampleEvery)
{
    public long completed()
    {
        return succeeded + failed + rejected + timedOut;
    }

    /** Items submitted but without an outcome yet. */
    public long inFlight()
    {
        return submitted - completed();
    }
}
