package dev.spindle.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Gathers the counters that each engine thread keeps on its own into one {@link PerformanceReport}.
 * Snapshots are serialised; they drain the workers' interval histograms into running totals, so
 * taking one allocates a little but recording never does.
 */
final class EngineMetrics
{
    private final WorkerSlot[] workers;
    private final BatchCutter cutter;
    private final Watchdog watchdog;
    private final OutcomeCounter producerOutcomes;
    private final LongAdder unclaimedRejections;
    private final OutcomeDelivery delivery;
    private final java.util.function.LongSupplier claimedSequences;
    private final WaitMode waitMode;

    private final Histogram queueWait = LatencyRecorders.newHistogram();
    private final Histogram service = LatencyRecorders.newHistogram();
    private final Histogram endToEnd = LatencyRecorders.newHistogram();

    private volatile long startNanos;
    private volatile long endNanos;

    EngineMetrics(final WorkerSlot[] workers, final BatchCutter cutter, final Watchdog watchdog, final OutcomeCounter producerOutcomes,
        final LongAdder unclaimedRejections, final OutcomeDelivery delivery, final java.util.function.LongSupplier claimedSequences,
        final WaitMode waitMode)
    {
        this.workers = workers;
        this.cutter = cutter;
        this.watchdog = watchdog;
        this.producerOutcomes = producerOutcomes;
        this.unclaimedRejections = unclaimedRejections;
        this.delivery = delivery;
        this.claimedSequences = claimedSequences;
        this.waitMode = waitMode;
    }

    void started(final long nanos)
    {
        startNanos = nanos;
    }

    void ended(final long nanos)
    {
        endNanos = nanos;
    }

    synchronized PerformanceReport snapshot(final int pinnedWorkers)
    {
        final long start = startNanos;
        final long end = endNanos != 0 ? endNanos : System.nanoTime();
        final long wall = start == 0 ? 0 : Math.max(1, end - start);

        long busyTotal = 0;
        long batches = 0;
        long batchItems = 0;
        double complexity = 0;
        final long[] busy = new long[workers.length];
        final long[] outcomes = new long[Outcome.values().length];
        for (int w = 0; w < workers.length; w++)
        {
            final WorkerSlot worker = workers[w];
            worker.latency.drainInto(queueWait, service, endToEnd);
            busy[w] = worker.busyNanos();
            busyTotal += busy[w];
            batches += worker.batches();
            batchItems += worker.items();
            complexity += worker.complexitySum();
            add(outcomes, worker.outcomes);
        }
        add(outcomes, cutter.outcomes);
        add(outcomes, watchdog.outcomes);
        add(outcomes, producerOutcomes);

        final Map<CloseReason, Long> reasons = new EnumMap<>(CloseReason.class);
        for (final CloseReason reason : CloseReason.values())
        {
            reasons.put(reason, cutter.closeReasonCount(reason));
        }
        final long submitted = claimedSequences.getAsLong() + unclaimedRejections.sum();
        final long processed = outcomes[Outcome.SUCCEEDED.ordinal()] + outcomes[Outcome.FAILED.ordinal()];
        return new PerformanceReport(
            wall,
            submitted,
            outcomes[Outcome.SUCCEEDED.ordinal()],
            outcomes[Outcome.FAILED.ordinal()],
            outcomes[Outcome.REJECTED.ordinal()],
            outcomes[Outcome.TIMED_OUT.ordinal()],
            wall == 0 ? 0 : processed * 1e9 / wall,
            batches,
            batches == 0 ? 0 : (double)batchItems / batches,
            batches == 0 ? 0 : complexity / batches,
            Map.copyOf(reasons),
            workers.length,
            busy,
            wall == 0 ? 0 : Math.min(1.0, (double)busyTotal / ((double)workers.length * wall)),
            LatencySummary.of(queueWait),
            LatencySummary.of(service),
            LatencySummary.of(endToEnd),
            delivery.listenerErrors(),
            watchdog.replaced(),
            waitMode,
            pinnedWorkers);
    }

    private static void add(final long[] totals, final OutcomeCounter counter)
    {
        for (final Outcome outcome : Outcome.values())
        {
            totals[outcome.ordinal()] += counter.get(outcome);
        }
    }
}
