package dev.spindle.journal;

import dev.spindle.engine.metrics.PerformanceReport;

/** A run's last record, written once the engine closed; a crashed run has none. */
public record RunFooter(
    long endNanos,
    long submitted,
    long succeeded,
    long failed,
    long rejected,
    long timedOut,
    long batches,
    double utilization)
{
    public static RunFooter of(final long endNanos, final PerformanceReport r)
    {
        return new RunFooter(endNanos, r.submitted(), r.succeeded(), r.failed(), r.rejected(), r.timedOut(), r.batches(), r.utilization());
    }
}
