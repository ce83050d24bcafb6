package dev.spindle.journal;

import dev.spindle.engine.Batch;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.tune.Decision;

/**
 * One engine's events to two taps, in the order given. Calls are serialized, so that both taps see
 * the same order even where the engine calls from several threads at once (producers journal their
 * own submissions): the price is a lock per call, fine for a test.
 */
final class TeeTap<T> implements JournalTap<T>
{
    private final JournalTap<T> first;
    private final JournalTap<T> second;

    TeeTap(final JournalTap<T> first, final JournalTap<T> second)
    {
        this.first = first;
        this.second = second;
    }

    @Override
    public synchronized void runStarted(final RunInfo run)
    {
        first.runStarted(run);
        second.runStarted(run);
    }

    @Override
    public synchronized void itemSubmitted(final T item, final long submitNanos, final double complexity, final int priority,
        final int lane)
    {
        first.itemSubmitted(item, submitNanos, complexity, priority, lane);
        second.itemSubmitted(item, submitNanos, complexity, priority, lane);
    }

    @Override
    public synchronized void itemRefused(final T item, final long nanos, final String reason)
    {
        first.itemRefused(item, nanos, reason);
        second.itemRefused(item, nanos, reason);
    }

    @Override
    public synchronized void batchCut(final Batch<? extends T> batch, final long nanos)
    {
        first.batchCut(batch, nanos);
        second.batchCut(batch, nanos);
    }

    @Override
    public synchronized void batchStarted(final long batchId, final int worker, final int cpu, final long nanos)
    {
        first.batchStarted(batchId, worker, cpu, nanos);
        second.batchStarted(batchId, worker, cpu, nanos);
    }

    @Override
    public synchronized void batchFinished(final long batchId, final int worker, final long startNanos, final long endNanos,
        final boolean bisected, final boolean allSucceeded)
    {
        first.batchFinished(batchId, worker, startNanos, endNanos, bisected, allSucceeded);
        second.batchFinished(batchId, worker, startNanos, endNanos, bisected, allSucceeded);
    }

    @Override
    public synchronized void itemOutcome(final T item, final Outcome outcome, final String reason)
    {
        first.itemOutcome(item, outcome, reason);
        second.itemOutcome(item, outcome, reason);
    }

    @Override
    public synchronized void interval(final IntervalSnapshot interval)
    {
        first.interval(interval);
        second.interval(interval);
    }

    @Override
    public synchronized void decision(final Decision decision)
    {
        first.decision(decision);
        second.decision(decision);
    }

    @Override
    public synchronized void runEnded(final long nanos, final PerformanceReport report)
    {
        first.runEnded(nanos, report);
        second.runEnded(nanos, report);
    }
}
