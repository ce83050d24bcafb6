package dev.spindle.journal;

import dev.spindle.engine.metrics.IntervalSnapshot;
import org.HdrHistogram.Histogram;

/** One closed metrics interval with its four latency histograms (nanoseconds). */
public record RecordedInterval(
    long index,
    long startNanos,
    long lengthNanos,
    long arrived,
    long completed,
    long batches,
    double utilization,
    int activeWorkers,
    long backlog,
    Histogram queueWait,
    Histogram batchService,
    Histogram itemService,
    Histogram endToEnd)
{
    /** A copy of the engine's (reused) snapshot. */
    public static RecordedInterval of(final IntervalSnapshot s)
    {
        return new RecordedInterval(s.index(), s.startNanos(), s.lengthNanos(), s.arrived(), s.completed(), s.batches(),
            s.utilization(), s.activeWorkers(), s.backlog(), s.queueWait().copy(), s.batchService().copy(), s.itemService().copy(),
            s.endToEnd().copy());
    }
}
