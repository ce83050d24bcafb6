package dev.spindle.engine;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One worker slot's latency histograms, recorded a whole batch at a time. HdrHistogram's
 * {@code Recorder} pays two atomic operations per value; this uses the same
 * {@link WriterReaderPhaser} protocol but enters the writer critical section once per batch, so
 * per-item recording is a plain histogram increment. A reader swaps the active and inactive
 * histograms and recycles them, so steady-state recording allocates nothing.
 */
final class LatencyRecorders
{
    static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 2;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram queueWait = newHistogram();
    private volatile Histogram service = newHistogram();
    private volatile Histogram endToEnd = newHistogram();
    private volatile Histogram itemService = newHistogram();
    private Histogram inactiveQueueWait = newHistogram();
    private Histogram inactiveService = newHistogram();
    private Histogram inactiveEndToEnd = newHistogram();
    private Histogram inactiveItemService = newHistogram();

    static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    private static long clamp(final long nanos)
    {
        return Math.min(Math.max(nanos, 1), HIGHEST_TRACKABLE_NANOS);
    }

    /** Writer: records one batch's service time and each item's queue wait and end-to-end time. */
    void recordBatch(final BatchSlot batch, final long startNanos, final long endNanos)
    {
        final long phase = phaser.writerCriticalSectionEnter();
        try
        {
            final Histogram wait = queueWait;
            final Histogram total = endToEnd;
            final Histogram perItem = itemService;
            service.recordValue(clamp(endNanos - startNanos));
            if (batch.size > 0)
            {
                // The processor sees a batch, not items: each item is charged an equal share.
                perItem.recordValueWithCount(clamp((endNanos - startNanos) / batch.size), batch.size);
            }
            final StagedItem[] items = batch.items;
            for (int i = 0, n = batch.size; i < n; i++)
            {
                final long submitted = items[i].submitNanos;
                wait.recordValue(clamp(startNanos - submitted));
                total.recordValue(clamp(endNanos - submitted));
            }
        }
        finally
        {
            phaser.writerCriticalSectionExit(phase);
        }
    }

    /** Reader: adds everything recorded since the last call to the given totals. Callers serialise. */
    void drainInto(final Histogram queueWaitTotal, final Histogram serviceTotal, final Histogram endToEndTotal,
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
