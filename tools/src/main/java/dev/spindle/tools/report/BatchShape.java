package dev.spindle.tools.report;

import dev.spindle.engine.CloseReason;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run's batches were shaped: items per batch in power-of-two buckets, fill (complexity over the
 * budget in force when the batch was cut, which the tuner may have moved) in tenths, and close reasons.
 * The budget in force is replayed from the decisions, each taking effect at the end of its interval
 * (decision k follows the interval the journal numbers k + 1, as in {@link TunerTimeline}).
 */
record BatchShape(List<String> sizeLabels, double[] sizeCounts, List<String> fillLabels, double[] fillCounts,
    List<String> reasonLabels, double[] reasonCounts)
{
    private static final int SIZE_BUCKETS = 12;
    private static final int FILL_BUCKETS = 11;

    static BatchShape of(final RecordedRun run)
    {
        final double[] sizes = new double[SIZE_BUCKETS];
        final double[] fills = new double[FILL_BUCKETS];
        final double[] reasons = new double[CloseReason.values().length];
        final long[] budgetFrom = new long[run.decisions().size()];
        final double[] budgets = new double[run.decisions().size()];
        final int changes = budgetChanges(run, budgetFrom, budgets);
        for (final RecordedBatch batch : run.batches())
        {
            final int items = batch.itemIds().length;
            sizes[Math.min(SIZE_BUCKETS - 1, 32 - Integer.numberOfLeadingZeros(Math.max(1, items) - 1))]++;
            reasons[batch.closeReason().ordinal()]++;
            final double budget = budgetAt(run.header().engine().complexityBudget(), budgetFrom, budgets, changes, batch.cutNanos());
            if (budget > 0 && Double.isFinite(budget) && Double.isFinite(batch.complexity()))
            {
                fills[(int)Math.min(FILL_BUCKETS - 1, Math.max(0, Math.floor(batch.complexity() / budget * 10)))]++;
            }
        }
        final List<String> sizeLabels = new ArrayList<>();
        for (int b = 0; b < SIZE_BUCKETS; b++)
        {
            final int high = 1 << b;
            final int low = b == 0 ? 1 : (high >> 1) + 1;
            sizeLabels.add(b == SIZE_BUCKETS - 1 ? ">" + (high >> 1) : low == high ? Integer.toString(high) : low + "-" + high);
        }
        final List<String> fillLabels = new ArrayList<>();
        for (int b = 0; b < FILL_BUCKETS; b++)
        {
            fillLabels.add(b == FILL_BUCKETS - 1 ? "≥100%" : (b * 10) + "-" + (b * 10 + 10) + "%");
        }
        final List<String> reasonLabels = new ArrayList<>();
        for (final CloseReason reason : CloseReason.values())
        {
            reasonLabels.add(reason.name());
        }
        return new BatchShape(sizeLabels, sizes, fillLabels, fills, reasonLabels, reasons);
    }

    private static int budgetChanges(final RecordedRun run, final long[] from, final double[] budgets)
    {
        final Map<Long, Long> intervalEnds = new HashMap<>();
        for (final RecordedInterval interval : run.intervals())
        {
            intervalEnds.put(interval.index(), interval.startNanos() + interval.lengthNanos());
        }
        int n = 0;
        for (final RecordedDecision decision : run.decisions())
        {
            final Long end = intervalEnds.get(decision.interval() + 1);
            if (end != null && decision.budgetAfter() != decision.budgetBefore())
            {
                from[n] = end;
                budgets[n++] = decision.budgetAfter();
            }
        }
        return n;
    }

    private static double budgetAt(final double initial, final long[] from, final double[] budgets, final int n, final long nanos)
    {
        double budget = initial;
        for (int i = 0; i < n && from[i] <= nanos; i++)
        {
            budget = budgets[i];
        }
        return budget;
    }
}
