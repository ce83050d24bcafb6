package dev.spindle.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One worker position's latency histograms, recorded a whole batch at a time. HdrHistogram's
 * {@code Recorder} pays two atomic operations per value; this uses the same
 * {@link WriterReaderPhaser} protocol but enters the writer critical section once per batch, so
 * per-item recording is a plain histogram increment, weighted by how many items a sampled stamp
 * stands for (unstamped items are skipped). A reader swaps
 * the active and inactive set of histograms (one volatile write: a batch's four records never
 * straddle two intervals) and recycles them, so steady-state recording allocates nothing.
 */
public final class LatencyRecorders
{
    public static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    public static final int SIGNIFICANT_DIGITS = 2;

    /** What a batch tells the recorder: its items' submit stamps and how many items each stands for (0: left out of the sample). */
    public interface SubmitTimes
    {
        int items();

        long submitNanos(int item);

        int weight(int item);
    }

    /** The four histograms one interval records into; swapped as one, so a batch's four records land in one interval. */
    private static final class Set
    {
        final Histogram queueWait = newHistogram();
        final Histogram service = newHistogram();
        final Histogram endToEnd = newHistogram();
        final Histogram itemService = newHistogram();

        void reset()
        {
            queueWait.reset();
            service.reset();
            endToEnd.reset();
            itemService.reset();
        }
    }

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Set active = new Set();
    private Set inactive = new Set();

    public static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    private static long clamp(final long nanos)
    {
        return Math.min(Math.max(nanos, 1), HIGHEST_TRACKABLE_NANOS);
    }

    /** Writer: records one batch's service time and each stamped item's queue wait and end-to-end time. */
    public void recordBatch(final SubmitTimes batch, final long startNanos, final long endNanos)
    {
        final long phase = phaser.writerCriticalSectionEnter();
        try
        {
            final Set into = active; // read once: the whole batch goes into one interval
            final int n = batch.items();
            into.service.recordValue(clamp(endNanos - startNanos));
            if (n > 0)
            {
                // The processor sees a batch, not items: each item is charged an equal share.
                into.itemService.recordValueWithCount(clamp((endNanos - startNanos) / n), n);
            }
            final Histogram wait = into.queueWait;
            final Histogram total = into.endToEnd;
            for (int i = 0; i < n; i++)
            {
                final int weight = batch.weight(i);
                if (weight > 0)
                {
                    final long submitted = batch.submitNanos(i);
                    wait.recordValueWithCount(clamp(startNanos - submitted), weight);
                    total.recordValueWithCount(clamp(endNanos - submitted), weight);
                }
            }
        }
        finally
        {
            phaser.writerCriticalSectionExit(phase);
        }
    }

    /** Reader: adds everything recorded since the last call to the given totals. Callers serialise. */
    public void drainInto(final Histogram queueWaitTotal, final Histogram serviceTotal, final Histogram endToEndTotal,
        final Histogram itemServiceTotal)
    {
        phaser.readerLock();
        try
        {
            inactive.reset();
            final Set recorded = active;
            active = inactive;
            inactive = recorded;
            phaser.flipPhase();
            queueWaitTotal.add(recorded.queueWait);
            serviceTotal.add(recorded.service);
            endToEndTotal.add(recorded.endToEnd);
            itemServiceTotal.add(recorded.itemService);
        }
        finally
        {
            phaser.readerUnlock();
        }
    }
}
