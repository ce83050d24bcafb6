package dev.spindle.bench;

/**
 * One engine × workload figure set of {@link EngineShootout}: items/s, makespan / LB (LB = max(Σ measured
 * item time / workers, longest measured item)), utilization, end-to-end p50 / p99 / p99.9 (µs) and
 * allocated bytes per item. NaN where a figure does not apply (makespan / LB of no-op work, paced runs).
 */
record ShootRow(String workload, String engine, int workers, long items, double itemsPerS, double makespanOverLb, double utilization,
    double p50Us, double p99Us, double p999Us, double allocBytesPerItem, String note)
{
    static ShootRow closed(final String workload, final String engine, final int workers, final ShootProbe probe, final long firstNanos,
        final long allocBytes, final String note)
    {
        final org.HdrHistogram.Histogram h = probe.latency();
        final long n = probe.workload.items();
        final long makespan = Math.max(1, probe.meter.lastCompletionNanos() - firstNanos);
        final long busy = probe.meter.busyNanos();
        final double lb = Math.max((double)busy / workers, probe.meter.maxItemNanos());
        final boolean work = probe.workload.totalNanos > 0;
        return new ShootRow(workload, engine, workers, n, n * 1e9 / makespan, work ? makespan / lb : Double.NaN,
            work ? busy / ((double)workers * makespan) : Double.NaN, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
            h.getValueAtPercentile(99.9) / 1e3, (double)allocBytes / n, note);
    }
}
