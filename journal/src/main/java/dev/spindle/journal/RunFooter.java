package dev.spindle.journal;

import dev.spindle.engine.metrics.PerformanceReport;

/**
 * A run's last record, written once the engine closed; a crashed run has none. {@code interruptedBy} is the
 * signal (2 SIGINT, 15 SIGTERM) that stopped the run early, 0 for a run that ended by itself: an interrupted
 * run closed cleanly, but its walk may not have finished and the items it rejected unstarted are left for a resume.
 * Since format 5 the footer also holds the CPU the run used: {@code processCpuNanos} the whole process's from
 * the run's start, {@code workersCpuNanos} the workers' own from their first batch to their last
 * ({@link #CPU_UNKNOWN} when not measured). Since format 6 also {@code compileNanos}, the time the JIT compiler
 * spent over the run: CPU that a run pays once, however long it is, unlike the rest beside the workers. What the
 * simulator learns about background load and contention from.
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
    int interruptedBy,
    long processCpuNanos,
    long workersCpuNanos,
    long compileNanos)
{
    /** A CPU figure the footer does not have (formats before 5, or a JVM without the clock). */
    public static final long CPU_UNKNOWN = -1;

    /** A footer without the compiler's time (format 5). */
    public RunFooter(final long endNanos, final long submitted, final long succeeded, final long failed, final long rejected,
        final long timedOut, final long batches, final double utilization, final int interruptedBy, final long processCpuNanos,
        final long workersCpuNanos)
    {
        this(endNanos, submitted, succeeded, failed, rejected, timedOut, batches, utilization, interruptedBy, processCpuNanos, workersCpuNanos,
            CPU_UNKNOWN);
    }

    /** A footer without CPU figures (formats 1 to 4). */
    public RunFooter(final long endNanos, final long submitted, final long succeeded, final long failed, final long rejected,
        final long timedOut, final long batches, final double utilization, final int interruptedBy)
    {
        this(endNanos, submitted, succeeded, failed, rejected, timedOut, batches, utilization, interruptedBy, CPU_UNKNOWN, CPU_UNKNOWN);
    }

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

    static RunFooter of(final long endNanos, final PerformanceReport r, final long processCpuNanos, final long workersCpuNanos,
        final long compileNanos)
    {
        return new RunFooter(endNanos, r.submitted(), r.succeeded(), r.failed(), r.rejected(), r.timedOut(), r.batches(), r.utilization(), 0,
            processCpuNanos, workersCpuNanos, compileNanos);
    }

    /** Whether the footer measured the CPU the run used. */
    public boolean cpuMeasured()
    {
        return processCpuNanos >= 0 && workersCpuNanos > 0;
    }

    /** Whether the footer measured the JIT compiler's time over the run (format 6 on). */
    public boolean compileMeasured()
    {
        return compileNanos >= 0;
    }

    public boolean interrupted()
    {
        return interruptedBy != 0;
    }
}
