package dev.spindle.journal;

import dev.spindle.engine.metrics.PerformanceReport;

/**
 * A run's last record, written once the engine closed; a crashed run has none. {@code interruptedBy} is the
 * signal (2 SIGINT, 15 SIGTERM) that stopped the run early, 0 for a run that ended by itself: an interrupted
 * run closed cleanly, but its walk may not have finished and the items it rejected unstarted are left for a resume.
 */
public record RunFooter(
    long endNanos,
    long submitted,
    long succeeded,
    long failed,
    long rejected,
    long timedOut,
    long batches,
    double utilization,
    int interruptedBy)
{
    /** A footer of a run that was not interrupted (formats 1 and 2 know no other). */
    public RunFooter(final long endNanos, final long submitted, final long succeeded, final long failed, final long rejected,
        final long timedOut, final long batches, final double utilization)
    {
        this(endNanos, submitted, succeeded, failed, rejected, timedOut, batches, utilization, 0);
    }

    public static RunFooter of(final long endNanos, final PerformanceReport r)
    {
        return new RunFooter(endNanos, r.submitted(), r.succeeded(), r.failed(), r.rejected(), r.timedOut(), r.batches(), r.utilization());
    }

    public boolean interrupted()
    {
        return interruptedBy != 0;
    }
}
