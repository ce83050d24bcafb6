package dev.spindle.engine.tune;

/**
 * The tuner's decisions without a clock or a thread: a cost model fed each completed batch and a
 * policy asked once per interval, the knobs it chose kept here. The engine's housekeeping thread
 * drives it with measured intervals; the simulator drives the very same object with simulated ones.
 * The model starts from the seed's prior (complexity × 10 ms, no fixed cost); the first interval runs
 * on the configured budget with the policy's linger and workers.
 */
public final class TuningLoop
{
    /** The seed's prior: 10 ms per unit of complexity. */
    public static final double SEED_NANOS_PER_COMPLEXITY = 10_000_000;
    private static final double FORGETTING = 0.995;

    private final TuningPolicy policy;
    private final CostModel model;
    private final BatchFeatures features;
    private final int usableCores;
    private Knobs knobs;
    private double lastMape = Double.NaN;

    /**
     * @param policy null: the model learns and nothing moves
     * @param extraFeatures how many features of its own the cost function names
     * @param usableCores cores that can actually run workers
     */
    public TuningLoop(final TuningPolicy policy, final int extraFeatures, final int usableCores)
    {
        this.policy = policy;
        this.model = new CostModel(FORGETTING, 0, SEED_NANOS_PER_COMPLEXITY, extraFeatures);
        this.features = new BatchFeatures(extraFeatures);
        this.usableCores = Math.max(1, usableCores);
        this.knobs = policy == null ? null : policy.initial(model.fixedNanosPerBatch(), model.nanosPerComplexity());
    }

    /** The knobs in force, or null without a policy. */
    public Knobs knobs()
    {
        return knobs;
    }

    public TuningPolicy policy()
    {
        return policy;
    }

    public CostModel model()
    {
        return model;
    }

    public int usableCores()
    {
        return usableCores;
    }

    /** Active workers the knobs ask for, never above the usable cores. */
    public int activeWorkers()
    {
        return Math.max(1, Math.min(usableCores, knobs.activeWorkers()));
    }

    /** A completed batch, with the sums of the cost function's extra features from {@code offset}. */
    public void observe(final long serviceNanos, final int items, final double complexity, final double[] sums, final int offset)
    {
        model.observe(features.set(items, complexity, sums, offset), serviceNanos);
    }

    /** A completed batch described by its size alone (a recording holds no cost-function features). */
    public void observe(final long serviceNanos, final int items, final double complexity)
    {
        model.observe(features.set(items, complexity), serviceNanos);
    }

    /** Closes the model's interval: returns its error (MAPE, NaN while unknown). */
    public double closeInterval()
    {
        lastMape = model.closeInterval().mape();
        return lastMape;
    }

    /**
     * Asks the policy for the next knobs from one interval's measurements (completed with the model's
     * own figures and the usable cores); call {@link #closeInterval()} first.
     */
    public Decision decide(final long interval, final long intervalNanos, final double utilization, final long p99EndToEndNanos,
        final long p99QueueWaitNanos, final long completedItems, final long arrivedItems, final long backlogItems, final long batches,
        final double meanBatchItems, final double meanBatchComplexity, final double meanBatchServiceNanos, final long budgetClosedBatches,
        final long lingerClosedBatches)
    {
        final IntervalSignals signals = new IntervalSignals(interval, Math.max(1, intervalNanos), utilization, p99EndToEndNanos,
            p99QueueWaitNanos, completedItems, arrivedItems, backlogItems, batches, meanBatchItems, meanBatchComplexity,
            meanBatchServiceNanos, budgetClosedBatches, lingerClosedBatches,
            model.observations() == 0 ? Double.NaN : model.fixedNanosPerBatch(),
            model.observations() == 0 || !(model.nanosPerComplexity() > 0) ? Double.NaN : model.nanosPerComplexity(),
            lastMape, usableCores);
        final Decision decision = policy.decide(signals, knobs);
        knobs = decision.after();
        return decision;
    }
}
