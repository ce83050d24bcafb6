package dev.spindle.engine;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One thread's latency recorders. Single-writer recorders keep recording wait-free and free of
 * shared cache lines; a reader swaps out interval histograms and recycles them, so steady-state
 * recording allocates nothing.
 */
final class LatencyRecorders
{
    static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 2;

    final SingleWriterRecorder queueWait = newRecorder();
    final SingleWriterRecorder service = newRecorder();
    final SingleWriterRecorder endToEnd = newRecorder();

    private Histogram queueWaitInterval;
    private Histogram serviceInterval;
    private Histogram endToEndInterval;

    static SingleWriterRecorder newRecorder()
    {
        return new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    static void record(final SingleWriterRecorder recorder, final long nanos)
    {
        recorder.recordValue(Math.min(Math.max(nanos, 1), HIGHEST_TRACKABLE_NANOS));
    }

    /** Adds everything recorded since the last call to the given accumulators. Callers serialise. */
    void drainInto(final Histogram queueWaitTotal, final Histogram serviceTotal, final Histogram endToEndTotal)
    {
        queueWaitInterval = queueWait.getIntervalHistogram(queueWaitInterval);
        serviceInterval = service.getIntervalHistogram(serviceInterval);
        endToEndInterval = endToEnd.getIntervalHistogram(endToEndInterval);
        queueWaitTotal.add(queueWaitInterval);
        serviceTotal.add(serviceInterval);
        endToEndTotal.add(endToEndInterval);
    }
}
