package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one run achieved, computed from its items and batches alone (never from its intervals), so a
 * recording, a replay and a simulation are measured by the same arithmetic. Times are nanoseconds.
 *
 * @param processed items that ran to the end of a batch
 * @param makespanNanos last batch end - first submit
 * @param utilization Σ batch run time / (workers × makespan)
 * @param lowerBoundNanos max(Σ item service / workers, max item service): no schedule on these workers beats it
 * @param closeReasonShares each close reason's share of the cut batches
 * @param inFlight items without an outcome (a run that did not close)
 */
public record RunStats(
    int workers,
    long items,
    long processed,
    long makespanNanos,
    double itemsPerSecond,
    double utilization,
    double lowerBoundNanos,
    long batches,
    double meanBatchItems,
    double meanBatchComplexity,
    LatencySummary queueWait,
    LatencySummary batchService,
    LatencySummary endToEnd,
    Map<CloseReason, Double> closeReasonShares,
    Map<Outcome, Long> outcomes,
    long inFlight)
{
    public double makespanOverLowerBound()
    {
        return lowerBoundNanos > 0 ? makespanNanos / lowerBoundNanos : Double.NaN;
    }

    public static RunStats of(final RecordedRun run)
    {
        final int workers = Math.max(1, run.header().engine().workers());
        final int n = run.items().size();
        final long[] waits = new long[n];
        final long[] totals = new long[n];
        long firstSubmit = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        long processed = 0;
        long serviceSum = 0;
        long serviceMax = 0;
        long inFlight = 0;
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (final Outcome outcome : Outcome.values())
        {
            outcomes.put(outcome, 0L);
        }
        for (final RecordedItem item : run.items())
        {
            firstSubmit = Math.min(firstSubmit, item.submitNanos());
            if (item.outcome() == null)
            {
                inFlight++;
            }
            else
            {
                outcomes.merge(item.outcome(), 1L, Long::sum);
            }
            if (item.serviceNanos() >= 0)
            {
                serviceSum += item.serviceNanos();
                serviceMax = Math.max(serviceMax, item.serviceNanos());
            }
            if (item.endNanos() >= 0)
            {
                waits[(int)processed] = item.startNanos() - item.submitNanos();
                totals[(int)processed] = item.endNanos() - item.submitNanos();
                processed++;
                lastEnd = Math.max(lastEnd, item.endNanos());
            }
        }
        final long makespan = processed == 0 ? 0 : lastEnd - firstSubmit;

        final long[] services = new long[run.batches().size()];
        int finished = 0;
        long runSum = 0;
        long batchItems = 0;
        double batchComplexity = 0;
        final long[] reasons = new long[CloseReason.values().length];
        for (final RecordedBatch batch : run.batches())
        {
            batchItems += batch.itemIds().length;
            batchComplexity += batch.complexity();
            reasons[batch.closeReason().ordinal()]++;
            if (batch.finished())
            {
                services[finished++] = batch.runNanos();
                runSum += batch.runNanos();
            }
        }
        final int batches = run.batches().size();
        final Map<CloseReason, Double> shares = new EnumMap<>(CloseReason.class);
        for (final CloseReason reason : CloseReason.values())
        {
            shares.put(reason, batches == 0 ? 0.0 : (double)reasons[reason.ordinal()] / batches);
        }
        return new RunStats(workers, n, processed, makespan,
            makespan == 0 ? 0 : processed * 1e9 / makespan,
            makespan == 0 ? 0 : runSum / ((double)workers * makespan),
            Math.max(serviceSum / (double)workers, serviceMax),
            batches,
            batches == 0 ? 0 : (double)batchItems / batches,
            batches == 0 ? 0 : batchComplexity / batches,
            ExactPercentiles.of(waits, (int)processed),
            ExactPercentiles.of(services, finished),
            ExactPercentiles.of(totals, (int)processed),
            Collections.unmodifiableMap(shares),
            Collections.unmodifiableMap(outcomes),
            inFlight);
    }
}
