package dev.spindle.journal;

import dev.spindle.engine.Batch;
import dev.spindle.engine.IntervalSnapshot;
import dev.spindle.engine.Item;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.PerformanceReport;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.tune.Decision;

/** One engine's events to two taps, in the order given. */
final class TeeTap implements JournalTap
{
    private final JournalTap first;
    private final JournalTap second;

    TeeTap(final JournalTap first, final JournalTap second)
    {
        this.first = first;
        this.second = second;
    }

    @Override
    public void runStarted(final RunInfo run)
    {
        first.runStarted(run);
        second.runStarted(run);
    }

    @Override
    public void itemSubmitted(final Item item, final long submitNanos, final double complexity, final int priority, final int lane)
    {
        first.itemSubmitted(item, submitNanos, complexity, priority, lane);
        second.itemSubmitted(item, submitNanos, complexity, priority, lane);
    }

    @Override
    public void itemRefused(final Item item, final long nanos, final String reason)
    {
        first.itemRefused(item, nanos, reason);
        second.itemRefused(item, nanos, reason);
    }

    @Override
    public void batchCut(final Batch batch, final long nanos)
    {
        first.batchCut(batch, nanos);
        second.batchCut(batch, nanos);
    }

    @Override
    public void batchStarted(final long batchId, final int worker, final int cpu, final long nanos)
    {
        first.batchStarted(batchId, worker, cpu, nanos);
        second.batchStarted(batchId, worker, cpu, nanos);
    }

    @Override
    public void batchFinished(final long batchId, final int worker, final long startNanos, final long endNanos, final boolean bisected,
        final boolean allSucceeded)
    {
        first.batchFinished(batchId, worker, startNanos, endNanos, bisected, allSucceeded);
        second.batchFinished(batchId, worker, startNanos, endNanos, bisected, allSucceeded);
    }

    @Override
    public void itemOutcome(final Item item, final Outcome outcome, final String reason)
    {
        first.itemOutcome(item, outcome, reason);
        second.itemOutcome(item, outcome, reason);
    }

    @Override
    public void interval(final IntervalSnapshot interval)
    {
        first.interval(interval);
        second.interval(interval);
    }

    @Override
    public void decision(final Decision decision)
    {
        first.decision(decision);
        second.decision(decision);
    }

    @Override
    public void runEnded(final long nanos, final PerformanceReport report)
    {
        first.runEnded(nanos, report);
        second.runEnded(nanos, report);
    }
}
