package dev.spindle.journal.replay;

import dev.spindle.engine.tune.BatchFeatures;
import dev.spindle.engine.tune.CostModel;
import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.IntervalSignals;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.TunerPolicy;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.engine.tune.TuningPolicy;

/**
 * The engine's adaptive tuning on the simulated clock: the real {@link TunerPolicy} and
 * {@link CostModel}, fed what the engine would feed them (each completed batch, then once per
 * interval the interval's signals), its knobs applied at once. It copies the engine's start: the
 * first interval runs on the configured budget with the policy's linger and workers, and the model
 * starts from the seed's prior. The usable cores are the simulated workers: the what-if machine.
 * The model learns over [1, items, complexity] only: a recording holds no cost-function features.
 */
final class SimTuner
{
    /** The engine's prior, AdaptiveTuning.SEED_NANOS_PER_COMPLEXITY: the seed's 10 ms per complexity unit. */
    static final double SEED_NANOS_PER_COMPLEXITY = 10_000_000;

    private final TuningPolicy policy;
    private final CostModel model = new CostModel(0.995, 0, SEED_NANOS_PER_COMPLEXITY, 0);
    private final BatchFeatures features = new BatchFeatures(0);
    private final int usableCores;
    private Knobs knobs;

    SimTuner(final TunerSettings settings, final int workers)
    {
        final int max = Math.max(1, Math.min(settings.maxWorkers(), workers));
        this.policy = new TunerPolicy(settings.withWorkers(Math.min(settings.minWorkers(), max), max));
        this.usableCores = workers;
        this.knobs = policy.initial(model.fixedNanosPerBatch(), model.nanosPerComplexity());
    }

    long lingerNanos()
    {
        return knobs.lingerNanos();
    }

    double complexityBudget()
    {
        return knobs.complexityBudget();
    }

    int activeWorkers()
    {
        return Math.max(1, Math.min(usableCores, knobs.activeWorkers()));
    }

    void observe(final SimBatch batch)
    {
        model.observe(features.set(batch.items.length, batch.complexity), batch.runNanos());
    }

    Decision decide(final IntervalTally t, final long index, final long lengthNanos, final long backlog, final int active)
    {
        final CostModel.IntervalError error = model.closeInterval();
        final long length = Math.max(1, lengthNanos);
        final IntervalSignals signals = new IntervalSignals(
            index,
            length,
            Math.min(1.0, t.busyNanos / ((double)active * length)),
            t.endToEnd.getTotalCount() == 0 ? 0 : t.endToEnd.getValueAtPercentile(99),
            t.queueWait.getTotalCount() == 0 ? 0 : t.queueWait.getValueAtPercentile(99),
            t.completed,
            t.arrived,
            backlog,
            t.batches,
            t.batches == 0 ? 0 : (double)t.batchItems / t.batches,
            t.batches == 0 ? 0 : t.batchComplexity / t.batches,
            t.batches == 0 ? 0 : t.batchServiceNanos / t.batches,
            t.budgetClosed,
            t.lingerClosed,
            model.observations() == 0 ? Double.NaN : model.fixedNanosPerBatch(),
            model.observations() == 0 || !(model.nanosPerComplexity() > 0) ? Double.NaN : model.nanosPerComplexity(),
            error.mape(),
            usableCores);
        final Decision decision = policy.decide(signals, knobs);
        knobs = decision.after();
        return decision;
    }
}
