package dev.spindle.tools;

import java.util.List;

import dev.spindle.engine.metrics.PerformanceReport;

/**
 * Everything one {@code run} reports, gathered after the engine has drained: the walker's count,
 * the listener's per-outcome counts, the first failures (all of them up to {@link RunTally#FAILURES_KEPT})
 * and the engine's own performance report. {@code interruptedBy} names the signal (SIGINT, SIGTERM) that
 * stopped the run early, or is null.
 */
record RunResult(
    String dir,
    long filesSeen,
    long succeeded,
    long failed,
    long rejected,
    long timedOut,
    List<FailureRecord> failures,
    PerformanceReport engine,
    ProcessorReport processing,
    String interruptedBy)
{
    long notSucceeded()
    {
        return failed + rejected + timedOut;
    }

    /** Non-successes counted but not in {@link #failures()}. */
    long failuresNotListed()
    {
        return Math.max(0, notSucceeded() - failures.size());
    }

    /** True when every file seen has exactly one outcome. */
    boolean balanced()
    {
        return filesSeen == succeeded + failed + rejected + timedOut;
    }

    int exitCode()
    {
        return notSucceeded() == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
