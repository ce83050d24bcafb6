package dev.spindle.engine.metrics;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * What happened in one metrics interval: latency histograms (nanoseconds) and the counters' deltas.
 * The engine fills one instance per interval in place (recycled histograms, no allocation); take a
 * {@link #copy()} to keep it past the listener call. Counters and histograms are read a moment
 * apart, so a batch finishing at the boundary may land in different intervals of each; summed over
 * the run, both are exact.
 */
public final class IntervalSnapshot
{
    long index;
    long startNanos;
    long endNanos;
    final Histogram queueWait = LatencyRecorders.newHistogram();
    final Histogram batchService = LatencyRecorders.newHistogram();
    final Histogram itemService = LatencyRecorders.newHistogram();
    final Histogram endToEnd = LatencyRecorders.newHistogram();
    long arrived;
    final long[] outcomes = new long[Outcome.values().length];
    long batches;
    long batchItems;
    double batchComplexity;
    double fillSum;
    final long[] closeReasons = new long[CloseReason.values().length];
    final long[] workerBusyNanos;
    int activeWorkers;
    long backlog;

    IntervalSnapshot(final int workers)
    {
        this.workerBusyNanos = new long[workers];
    }

    public IntervalSnapshot copy()
    {
        final IntervalSnapshot copy = new IntervalSnapshot(workerBusyNanos.length);
        copy.index = index;
        copy.startNanos = startNanos;
        copy.endNanos = endNanos;
        copy.queueWait.add(queueWait);
        copy.batchService.add(batchService);
        copy.itemService.add(itemService);
        copy.endToEnd.add(endToEnd);
        copy.arrived = arrived;
        System.arraycopy(outcomes, 0, copy.outcomes, 0, outcomes.length);
        copy.batches = batches;
        copy.batchItems = batchItems;
        copy.batchComplexity = batchComplexity;
        copy.fillSum = fillSum;
        System.arraycopy(closeReasons, 0, copy.closeReasons, 0, closeReasons.length);
        System.arraycopy(workerBusyNanos, 0, copy.workerBusyNanos, 0, workerBusyNanos.length);
        copy.activeWorkers = activeWorkers;
        copy.backlog = backlog;
        return copy;
    }

    public long index()
    {
        return index;
    }

    public long startNanos()
    {
        return startNanos;
    }

    public long lengthNanos()
    {
        return endNanos - startNanos;
    }

    /** Submission to batch start, per processed item. */
    public Histogram queueWait()
    {
        return queueWait;
    }

    /** Processing time per batch. */
    public Histogram batchService()
    {
        return batchService;
    }

    /** Each item's equal share of its batch's processing time. */
    public Histogram itemService()
    {
        return itemService;
    }

    /** Submission to outcome, per processed item. */
    public Histogram endToEnd()
    {
        return endToEnd;
    }

    /** Items submitted during the interval, rejected ones included. */
    public long arrived()
    {
        return arrived;
    }

    public long count(final Outcome outcome)
    {
        return outcomes[outcome.ordinal()];
    }

    public long completed()
    {
        long total = 0;
        for (final long n : outcomes)
        {
            total += n;
        }
        return total;
    }

    public long batches()
    {
        return batches;
    }

    public double meanBatchItems()
    {
        return batches == 0 ? 0 : (double)batchItems / batches;
    }

    public double meanBatchComplexity()
    {
        return batches == 0 ? 0 : batchComplexity / batches;
    }

    /** Mean of complexity ÷ budget at cut. */
    public double meanFillRatio()
    {
        return batches == 0 ? 0 : fillSum / batches;
    }

    public long closeReasonCount(final CloseReason reason)
    {
        return closeReasons[reason.ordinal()];
    }

    public long workerBusyNanos(final int worker)
    {
        return workerBusyNanos[worker];
    }

    public int activeWorkers()
    {
        return activeWorkers;
    }

    /** Σ busy ÷ (active workers × interval length). */
    public double utilization()
    {
        long busy = 0;
        for (final long b : workerBusyNanos)
        {
            busy += b;
        }
        final long length = lengthNanos();
        return length <= 0 || activeWorkers == 0 ? 0 : Math.min(1.0, (double)busy / ((double)activeWorkers * length));
    }

    /** Items submitted but not yet in a batch at the end of the interval (ring and staging). */
    public long backlog()
    {
        return backlog;
    }

    @Override
    public String toString()
    {
        return "IntervalSnapshot{index=" + index + ", arrived=" + arrived + ", completed=" + completed() + ", batches=" + batches
            + ", utilization=" + utilization() + ", e2e p99=" + endToEnd.getValueAtPercentile(99) + " ns, busy="
            + Arrays.toString(workerBusyNanos) + '}';
    }
}
