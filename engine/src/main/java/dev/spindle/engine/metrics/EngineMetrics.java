package dev.spindle.engine.metrics;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.tune.CutterControls;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Gathers the counters and histograms each engine thread keeps on its own into intervals and into
 * the whole-run {@link PerformanceReport}. Draining is serialised here; recording never waits on it.
 * Closing an interval reuses its snapshot and histograms, so the per-interval path allocates nothing.
 */
public final class EngineMetrics
{
    private final WorkerMeters[] workers;
    private final OutcomeCounter[] others;
    private final LongSupplier submittedItems;
    private final LongSupplier listenerErrors;
    private final LongSupplier workersReplaced;
    private final LongSupplier backlog;
    private final CutterControls controls;
    private final WaitMode waitMode;
    private final String dispatch;
    private final int latencySampleEvery;

    /** Recorded since the last interval closed. */
    private final Histogram pendingQueueWait = LatencyRecorders.newHistogram();
    private final Histogram pendingService = LatencyRecorders.newHistogram();
    private final Histogram pendingEndToEnd = LatencyRecorders.newHistogram();
    private final Histogram pendingItemService = LatencyRecorders.newHistogram();
    /** Every closed interval. */
    private final Histogram queueWait = LatencyRecorders.newHistogram();
    private final Histogram service = LatencyRecorders.newHistogram();
    private final Histogram endToEnd = LatencyRecorders.newHistogram();
    private final Histogram itemService = LatencyRecorders.newHistogram();

    private final IntervalSnapshot interval;
    private Totals previous;
    private Totals current;
    private long intervalStart;

    private volatile long startNanos;
    private volatile long endNanos;

    /**
     * @param others outcome counters of the threads that are not worker positions (publishers, the watchdog, a cutter thread)
     * @param submittedItems items offered so far, accepted or not
     */
    public EngineMetrics(final WorkerMeters[] workers, final OutcomeCounter[] others, final LongSupplier submittedItems,
        final LongSupplier listenerErrors, final LongSupplier workersReplaced, final LongSupplier backlog, final CutterControls controls,
        final WaitMode waitMode, final String dispatch, final int latencySampleEvery)
    {
        this.workers = workers;
        this.others = others.clone();
        this.submittedItems = submittedItems;
        this.listenerErrors = listenerErrors;
        this.workersReplaced = workersReplaced;
        this.backlog = backlog;
        this.controls = controls;
        this.waitMode = waitMode;
        this.dispatch = dispatch;
        this.latencySampleEvery = latencySampleEvery;
        this.interval = new IntervalSnapshot(workers.length);
        this.previous = new Totals(workers.length);
        this.current = new Totals(workers.length);
    }

    public synchronized void started(final long nanos)
    {
        startNanos = nanos;
        intervalStart = nanos;
    }

    public void ended(final long nanos)
    {
        endNanos = nanos;
    }

    /** Closes the interval that began where the last one ended. Called by the tuner thread only. */
    public synchronized IntervalSnapshot closeInterval(final long now)
    {
        drainWorkers();
        current.gather();
        final IntervalSnapshot s = interval;
        s.index++;
        s.startNanos = intervalStart;
        s.endNanos = now;
        moveInto(pendingQueueWait, s.queueWait, queueWait);
        moveInto(pendingService, s.batchService, service);
        moveInto(pendingEndToEnd, s.endToEnd, endToEnd);
        moveInto(pendingItemService, s.itemService, itemService);
        s.arrived = current.submitted - previous.submitted;
        for (int i = 0; i < s.outcomes.length; i++)
        {
            s.outcomes[i] = current.outcomes[i] - previous.outcomes[i];
        }
        s.batches = current.batches - previous.batches;
        s.batchItems = current.items - previous.items;
        s.batchComplexity = current.complexity - previous.complexity;
        s.fillSum = current.fill - previous.fill;
        for (int i = 0; i < s.closeReasons.length; i++)
        {
            s.closeReasons[i] = current.closeReasons[i] - previous.closeReasons[i];
        }
        for (int w = 0; w < s.workerBusyNanos.length; w++)
        {
            s.workerBusyNanos[w] = current.busy[w] - previous.busy[w];
        }
        s.activeWorkers = controls.activeWorkers();
        s.backlog = backlog.getAsLong();
        final Totals swap = previous;
        previous = current;
        current = swap;
        intervalStart = now;
        return s;
    }

    /** A copy of the last closed interval, or {@code null} before the first one closes. */
    public synchronized IntervalSnapshot lastInterval()
    {
        return interval.index == 0 ? null : interval.copy();
    }

    public synchronized PerformanceReport snapshot(final int pinnedWorkers, final TunerReport tuner)
    {
        final long start = startNanos;
        final long end = endNanos != 0 ? endNanos : System.nanoTime();
        final long wall = start == 0 ? 0 : Math.max(1, end - start);
        drainWorkers();
        final Totals t = new Totals(workers.length);
        t.gather();

        long busyTotal = 0;
        for (final long b : t.busy)
        {
            busyTotal += b;
        }
        final Map<CloseReason, Long> reasons = new EnumMap<>(CloseReason.class);
        for (final CloseReason reason : CloseReason.values())
        {
            reasons.put(reason, t.closeReasons[reason.ordinal()]);
        }
        final long succeeded = t.outcomes[Outcome.SUCCEEDED.ordinal()];
        final long failed = t.outcomes[Outcome.FAILED.ordinal()];
        return new PerformanceReport(
            wall,
            t.submitted,
            succeeded,
            failed,
            t.outcomes[Outcome.REJECTED.ordinal()],
            t.outcomes[Outcome.TIMED_OUT.ordinal()],
            wall == 0 ? 0 : (succeeded + failed) * 1e9 / wall,
            t.batches,
            t.batches == 0 ? 0 : (double)t.items / t.batches,
            t.batches == 0 ? 0 : t.complexity / t.batches,
            Map.copyOf(reasons),
            workers.length,
            t.busy,
            wall == 0 ? 0 : Math.min(1.0, (double)busyTotal / ((double)workers.length * wall)),
            summary(queueWait, pendingQueueWait),
            summary(service, pendingService),
            summary(endToEnd, pendingEndToEnd),
            listenerErrors.getAsLong(),
            workersReplaced.getAsLong(),
            waitMode,
            pinnedWorkers,
            summary(itemService, pendingItemService),
            tuner,
            dispatch,
            latencySampleEvery);
    }

    private static LatencySummary summary(final Histogram closed, final Histogram pending)
    {
        final Histogram all = closed.copy();
        all.add(pending);
        return LatencySummary.of(all);
    }

    private static void moveInto(final Histogram pending, final Histogram intervalView, final Histogram total)
    {
        intervalView.reset();
        intervalView.add(pending);
        total.add(pending);
        pending.reset();
    }

    private void drainWorkers()
    {
        for (final WorkerMeters worker : workers)
        {
            worker.latency.drainInto(pendingQueueWait, pendingService, pendingEndToEnd, pendingItemService);
        }
    }

    /** Cumulative counters from every engine thread, read at one moment. */
    private final class Totals
    {
        final long[] busy;
        final long[] outcomes = new long[Outcome.values().length];
        final long[] closeReasons = new long[CloseReason.values().length];
        long submitted;
        long batches;
        long items;
        double complexity;
        double fill;

        Totals(final int workerCount)
        {
            busy = new long[workerCount];
        }

        void gather()
        {
            batches = 0;
            items = 0;
            complexity = 0;
            fill = 0;
            java.util.Arrays.fill(outcomes, 0);
            for (int w = 0; w < workers.length; w++)
            {
                final WorkerMeters worker = workers[w];
                busy[w] = worker.busyNanos();
                batches += worker.batches();
                items += worker.items();
                complexity += worker.complexitySum();
                fill += worker.fillSum();
                add(worker.outcomes);
            }
            java.util.Arrays.fill(closeReasons, 0);
            for (final WorkerMeters worker : workers)
            {
                for (final CloseReason reason : CloseReason.values())
                {
                    closeReasons[reason.ordinal()] += worker.closeReasonCount(reason);
                }
            }
            for (final OutcomeCounter other : others)
            {
                add(other);
            }
            submitted = submittedItems.getAsLong();
        }

        private void add(final OutcomeCounter counter)
        {
            for (final Outcome outcome : Outcome.values())
            {
                outcomes[outcome.ordinal()] += counter.get(outcome);
            }
        }
    }
}
