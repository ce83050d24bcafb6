package dev.spindle.engine.housekeeping;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.metrics.BatchObservations;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.TunerReport;
import dev.spindle.engine.metrics.WorkerMeters;
import dev.spindle.engine.tune.CutterControls;
import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.TuningLoop;
import dev.spindle.engine.tune.TuningPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Once per interval, on the housekeeping thread: feeds the workers' batch observations to the
 * {@link TuningLoop} (the clock-free tuner the simulator drives too), hands it the interval's
 * measurements and gives the knobs it chose to the cutting controls. Without a policy it only
 * learns, and moves nothing.
 */
public final class AdaptiveTuning
{
    private static final int KEPT_DECISIONS = 64;

    private final TuningPolicy policy;
    private final JournalTap<?> tap;
    private final TuningLoop loop;
    private final BatchObservations.Sink learn = this::learn;
    private final WorkerMeters[] workers;
    private final CutterControls controls;
    private final Runnable knobsMoved;
    private final long configuredSlackNanos;
    private final Decision[] recent = new Decision[KEPT_DECISIONS];
    private long decisions;
    private volatile TunerReport report = TunerReport.NONE;

    /**
     * @param extraFeatures how many features of its own the cost function names
     * @param knobsMoved wakes whoever must look at the new knobs (parked workers, a cutter thread)
     */
    public AdaptiveTuning(final TuningPolicy policy, final JournalTap<?> tap, final double configuredBudget, final long configuredSlackNanos,
        final int extraFeatures, final WorkerMeters[] workers, final CutterControls controls, final Runnable knobsMoved)
    {
        this.knobsMoved = knobsMoved;
        this.policy = policy;
        this.tap = tap;
        this.workers = workers;
        this.controls = controls;
        this.configuredSlackNanos = configuredSlackNanos;
        this.loop = new TuningLoop(policy, extraFeatures, Math.min(workers.length, Runtime.getRuntime().availableProcessors()));
        if (policy != null)
        {
            // The first interval runs on the configured budget: the prior (the seed's 10 ms per unit)
            // would mean one-item batches until the model has seen any. Linger and workers start as the policy says.
            final Knobs knobs = loop.knobs();
            controls.set(configuredBudget, knobs.lingerNanos(), configuredSlackNanos, knobs.activeWorkers(), loop.usableCores());
        }
    }

    void onInterval(final IntervalSnapshot snapshot)
    {
        for (final WorkerMeters worker : workers)
        {
            worker.observations.drainTo(learn);
        }
        final double mape = loop.closeInterval();
        if (policy == null)
        {
            report = new TunerReport(null, null, null, mape, loop.model().observations(), droppedObservations(), List.of());
            return;
        }
        final Decision decision = decide(snapshot);
        final Knobs knobs = loop.knobs();
        apply(knobs);
        tap.decision(decision);
        recent[(int)(decisions++ % KEPT_DECISIONS)] = decision;
        report = new TunerReport(policy.objective(), decision.state(), knobs, mape, loop.model().observations(),
            droppedObservations(), recentDecisions());
    }

    public TunerReport report()
    {
        return report;
    }

    private void learn(final long serviceNanos, final int items, final double complexity, final double[] sums, final int offset)
    {
        loop.observe(serviceNanos, items, complexity, sums, offset);
    }

    private long droppedObservations()
    {
        long dropped = 0;
        for (final WorkerMeters worker : workers)
        {
            dropped += worker.observations.dropped();
        }
        return dropped;
    }

    private Decision decide(final IntervalSnapshot s)
    {
        final long budgetClosed = s.closeReasonCount(CloseReason.BUDGET) + s.closeReasonCount(CloseReason.COUNT);
        final long lingerClosed = s.closeReasonCount(CloseReason.LINGER);
        final long batches = Math.max(s.batches(), budgetClosed + lingerClosed);
        return loop.decide(
            s.index() - 1,
            s.lengthNanos(),
            s.utilization(),
            s.endToEnd().getTotalCount() == 0 ? 0 : s.endToEnd().getValueAtPercentile(99),
            s.queueWait().getTotalCount() == 0 ? 0 : s.queueWait().getValueAtPercentile(99),
            s.completed(),
            s.arrived(),
            s.backlog(),
            batches,
            s.meanBatchItems(),
            s.meanBatchComplexity(),
            s.batchService().getTotalCount() == 0 ? 0 : s.batchService().getMean(),
            budgetClosed,
            lingerClosed);
    }

    private void apply(final Knobs k)
    {
        // Deadline-aware cutting: an item whose slack is below the predicted time of a full batch closes its batch now.
        final long predicted = (long)Math.min(Long.MAX_VALUE / 4, k.predictedBatchNanos(k.complexityBudget()));
        controls.set(k.complexityBudget(), k.lingerNanos(), Math.max(configuredSlackNanos, predicted), k.activeWorkers(), loop.usableCores());
        knobsMoved.run(); // parked threads re-read the controls now: a worker just activated may have items waiting for it
    }

    private List<Decision> recentDecisions()
    {
        final int n = (int)Math.min(decisions, KEPT_DECISIONS);
        final List<Decision> list = new ArrayList<>(n);
        for (long d = decisions - n; d < decisions; d++)
        {
            list.add(recent[(int)(d % KEPT_DECISIONS)]);
        }
        return List.copyOf(list);
    }
}
