package dev.spindle.engine.housekeeping;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.metrics.BatchObservations;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.TunerReport;
import dev.spindle.engine.metrics.WorkerMeters;
import dev.spindle.engine.tune.CutterControls;

import dev.spindle.engine.tune.BatchFeatures;
import dev.spindle.engine.tune.CostModel;
import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.IntervalSignals;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.TuningPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Once per interval, on the housekeeping thread: feeds the workers' batch observations to the cost
 * model, turns the interval into signals, asks the policy for new knobs and hands them to the
 * cutting controls. The cost model starts from the seed's prior (complexity × 10 ms, no fixed cost)
 * and replaces it with what it measures. Without a policy it only learns, and moves nothing.
 */
public final class AdaptiveTuning
{
    static final double SEED_NANOS_PER_COMPLEXITY = 10_000_000;
    private static final int KEPT_DECISIONS = 64;

    private final TuningPolicy policy;
    private final JournalTap<?> tap;
    private final CostModel model;
    private final BatchFeatures features;
    private final BatchObservations.Sink learn = this::learn;
    private final WorkerMeters[] workers;
    private final CutterControls controls;
    private final Runnable knobsMoved;
    private final long configuredSlackNanos;
    private final int usableCores;
    private final Decision[] recent = new Decision[KEPT_DECISIONS];
    private long decisions;
    private Knobs knobs;
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
        this.model = new CostModel(0.995, 0, SEED_NANOS_PER_COMPLEXITY, extraFeatures);
        this.features = new BatchFeatures(extraFeatures);
        this.configuredSlackNanos = configuredSlackNanos;
        this.usableCores = Math.max(1, Math.min(workers.length, Runtime.getRuntime().availableProcessors()));
        if (policy != null)
        {
            // The first interval runs on the configured budget: the prior (the seed's 10 ms per unit)
            // would mean one-item batches until the model has seen any. Linger and workers start as the policy says.
            knobs = policy.initial(model.fixedNanosPerBatch(), model.nanosPerComplexity());
            controls.set(configuredBudget, knobs.lingerNanos(), configuredSlackNanos, knobs.activeWorkers(), usableCores);
        }
    }

    void onInterval(final IntervalSnapshot snapshot)
    {
        for (final WorkerMeters worker : workers)
        {
            worker.observations.drainTo(learn);
        }
        final CostModel.IntervalError error = model.closeInterval();
        if (policy == null)
        {
            report = new TunerReport(null, null, null, error.mape(), model.observations(), droppedObservations(), List.of());
            return;
        }
        final Decision decision = policy.decide(signals(snapshot, error.mape()), knobs);
        knobs = decision.after();
        apply(knobs);
        tap.decision(decision);
        recent[(int)(decisions++ % KEPT_DECISIONS)] = decision;
        report = new TunerReport(policy.objective(), decision.state(), knobs, error.mape(), model.observations(),
            droppedObservations(), recentDecisions());
    }

    public TunerReport report()
    {
        return report;
    }

    private void learn(final long serviceNanos, final int items, final double complexity, final double[] sums, final int offset)
    {
        model.observe(features.set(items, complexity, sums, offset), serviceNanos);
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

    private IntervalSignals signals(final IntervalSnapshot s, final double mape)
    {
        final long budgetClosed = s.closeReasonCount(CloseReason.BUDGET) + s.closeReasonCount(CloseReason.COUNT);
        final long lingerClosed = s.closeReasonCount(CloseReason.LINGER);
        final long batches = Math.max(s.batches(), budgetClosed + lingerClosed);
        return new IntervalSignals(
            s.index() - 1,
            Math.max(1, s.lengthNanos()),
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
            lingerClosed,
            model.observations() == 0 ? Double.NaN : model.fixedNanosPerBatch(),
            model.observations() == 0 || !(model.nanosPerComplexity() > 0) ? Double.NaN : model.nanosPerComplexity(),
            Double.isNaN(mape) ? Double.NaN : mape,
            usableCores);
    }

    private void apply(final Knobs k)
    {
        // Deadline-aware cutting: an item whose slack is below the predicted time of a full batch closes its batch now.
        final long predicted = (long)Math.min(Long.MAX_VALUE / 4, k.predictedBatchNanos(k.complexityBudget()));
        controls.set(k.complexityBudget(), k.lingerNanos(), Math.max(configuredSlackNanos, predicted), k.activeWorkers(), usableCores);
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
