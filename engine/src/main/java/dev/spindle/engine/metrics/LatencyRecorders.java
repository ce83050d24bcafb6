package dev.spindle.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One worker position's latency histograms, recorded a whole batch at a time. HdrHistogram's
 * {@code Recorder} pays two atomic operations per value; this uses the same
 * {@link WriterReaderPhaser} protocol but enters the writer critical section once per batch, so
 * per-item recording is a plain histogram increment, weighted by how many items a sampled stamp
 * stands for (unstamped items are skipped). A reader swaps
 * the active and inactive histograms and recycles them, so steady-state recording allocates nothing.
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

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram queueWait = newHistogram();
    private volatile Histogram service = newHistogram();
    private volatile Histogram endToEnd = newHistogram();
    private volatile Histogram itemService = newHistogram();
    private Histogram inactiveQueueWait = newHistogram();
    private Histogram inactiveService = newHistogram();
    private Histogram inactiveEndToEnd = newHistogram();
    private Histogram inactiveItemService = newHistogram();


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
            final int n = batch.items();
            service.recordValue(clamp(endNanos - startNanos));
            if (n > 0)
            {
                // The processor sees a batch, not items: each item is charged an equal share.
                itemService.recordValueWithCount(clamp((endNanos - startNanos) / n), n);
            }
            final Histogram wait = queueWait;
            final Histogram total = endToEnd;
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
            inactiveQueueWait.reset();
            inactiveService.reset();
            inactiveEndToEnd.reset();
            inactiveItemService.reset();
            final Histogram wait = queueWait;
            final Histogram batch = service;
            final Histogram total = endToEnd;
            final Histogram perItem = itemService;
            itemService = inactiveItemService;
            inactiveItemService = perItem;
            queueWait = inactiveQueueWait;
            service = inactiveService;
            endToEnd = inactiveEndToEnd;
            inactiveQueueWait = wait;
            inactiveService = batch;
            inactiveEndToEnd = total;
            phaser.flipPhase();
            queueWaitTotal.add(inactiveQueueWait);
            serviceTotal.add(inactiveService);
            endToEndTotal.add(inactiveEndToEnd);
            itemServiceTotal.add(inactiveItemService);
        }
        finally
        {
            phaser.readerUnlock();
        }
    }
}
