package dev.spindle.tools;

import java.util.List;

import dev.spindle.engine.metrics.PerformanceReport;

/**
 * Everything one {@code run} reports, gathered after the engine has drained: the walker's count,
 * the listener's per-outcome counts, the first failures (all of them up to {@link RunTally#FAILURES_KEPT})
 * and the engine's own performance report. {@code interruptedBy} names the signal (SIGINT, SIGTERM) that
 * stopped the run early, or is null. {@code skipped} entries (links leaving DIR, dangling links, loops,
 * aliases) count towards {@code filesSeen} but neither succeeded nor failed; the first are in {@code skips}.
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
    String interruptedBy,
    long skipped,
    List<SkipRecord> skips)
{
    RunResult(final String dir, final long filesSeen, final long succeeded, final long failed, final long rejected, final long timedOut,
        final List<FailureRecord> failures, final PerformanceReport engine, final ProcessorReport processing, final String interruptedBy)
    {
        this(dir, filesSeen, succeeded, failed, rejected, timedOut, failures, engine, processing, interruptedBy, 0, List.of());
    }

    long notSucceeded()
    {
        return failed + rejected + timedOut;
    }

    /** Non-successes counted but not in {@link #failures()}. */
    long failuresNotListed()
    {
        return Math.max(0, notSucceeded() - failures.size());
    }

    /** Skipped entries counted but not in {@link #skips()}. */
    long skipsNotListed()
    {
        return Math.max(0, skipped - skips.size());
    }

    /** Every outcome: each file seen has exactly one. */
    long outcomes()
    {
        return succeeded + failed + rejected + timedOut + skipped;
    }

    /** True when every file seen has exactly one outcome. */
    boolean balanced()
    {
        return filesSeen == outcomes();
    }

    int exitCode()
    {
        return notSucceeded() == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
