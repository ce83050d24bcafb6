package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import org.HdrHistogram.Histogram;

/**
 * One simulated metrics interval's counters and histograms, as the engine's interval snapshot holds
 * them: arrivals, outcomes, completed batches and their close reasons, worker busy time. Histograms
 * resize to the values seen, so a short interval stays small; {@link #reset} reuses them.
 */
final class IntervalTally
{
    final Histogram queueWait = new Histogram(2);
    final Histogram batchService = new Histogram(2);
    final Histogram itemService = new Histogram(2);
    final Histogram endToEnd = new Histogram(2);
    long startNanos;
    long arrived;
    /** Outcomes delivered, of every kind, as the engine counts them. */
    long completed;
    long batches;
    long batchItems;
    double batchComplexity;
    double batchServiceNanos;
    long budgetClosed;
    long lingerClosed;
    double busyNanos;

    void reset(final long start)
    {
        queueWait.reset();
        batchService.reset();
        itemService.reset();
        endToEnd.reset();
        startNanos = start;
        arrived = 0;
        completed = 0;
        batches = 0;
        batchItems = 0;
        batchComplexity = 0;
        batchServiceNanos = 0;
        budgetClosed = 0;
        lingerClosed = 0;
        busyNanos = 0;
    }

    void batchCompleted(final SimBatch batch, final long[] submitNanos)
    {
        final long run = batch.runNanos();
        batches++;
        batchItems += batch.items.length;
        batchComplexity += batch.complexity;
        batchServiceNanos += run;
        batchService.recordValue(run);
        itemService.recordValueWithCount(run / batch.items.length, batch.items.length);
        for (final int item : batch.items)
        {
            queueWait.recordValue(Math.max(0, batch.startNanos - submitNanos[item]));
            endToEnd.recordValue(Math.max(0, batch.endNanos - submitNanos[item]));
        }
        if (batch.reason == CloseReason.BUDGET || batch.reason == CloseReason.COUNT)
        {
            budgetClosed++;
        }
        else if (batch.reason == CloseReason.LINGER)
        {
            lingerClosed++;
        }
        busyNanos += batch.endNanos - Math.max(batch.startNanos, startNanos);
    }

    /** A batch still running at the interval's end: its busy time so far belongs to this interval. */
    void stillRunning(final SimBatch batch, final long end)
    {
        busyNanos += Math.max(0, end - Math.max(batch.startNanos, startNanos));
    }
}
