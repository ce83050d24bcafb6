package dev.spindle.engine.tune;

/**
 * What the interval says about capacity, in worker-equivalents (1 = one worker busy all interval).
 * Busy time overstates need in a work-conserving engine: spare workers fill idle time with small,
 * overhead-heavy batches that would grow if fewer workers shared the load. So two figures: the
 * busy time today's batch shape needs, and the busy time full batches would need (the model's
 * fixed cost on budget-sized batches); saturation is judged by the backlog, not by utilization.
 */
record LoadEstimate(double demandNow, double demandFull, double parkingDemand, double itemWork, double itemsPerNano, long excessBacklog,
    boolean beyondRounds, boolean saturated, boolean contaminated)
{
    /** LATENCY's horizon: a backlog that this interval's pace would not drain within it saturates. */
    static final int DRAIN_INTERVALS = 4;
    private static final double BACKLOG_ROUNDS = 2;

    LoadEstimate judged(final double demand, final boolean drain)
    {
        return new LoadEstimate(demandNow, demandFull, demand, itemWork, itemsPerNano, excessBacklog, beyondRounds, saturated, drain);
    }

    static LoadEstimate of(final IntervalSignals signals, final Knobs knobs, final TunerSettings settings, final long previousArrived,
        final long previousCompleted)
    {
        final int n = knobs.activeWorkers();
        final double interval = signals.intervalNanos();
        final double busy = signals.utilization() * n;
        final double completed = signals.completedItems();
        final double pace = signals.arrivedItems() / completed;
        final double fixed = knobs.fixedNanosPerBatch();
        final double overheadShare = busy > 0 ? Math.min(1, signals.batches() * fixed / (busy * interval)) : 0;
        final double workPerItem = busy * (1 - overheadShare) * interval / completed;

        // A backlog counts beyond two rounds of full batches (or of today's batches, if larger) on every worker, and
        // beyond a dead band's share of the interval's arrivals.
        final double itemComplexity = signals.meanBatchItems() > 0 ? signals.meanBatchComplexity() / signals.meanBatchItems() : 0;
        final double fullBatchItems = itemComplexity > 0 ? Math.max(1, knobs.complexityBudget() / itemComplexity) : 1;
        final double roundItems = n * Math.max(signals.meanBatchItems(), fullBatchItems);
        final double tolerated = Math.max(BACKLOG_ROUNDS * roundItems, settings.deadBand() * signals.arrivedItems());
        final long excess = Math.max(0, signals.backlogItems() - Math.round(tolerated));
        final double drainItems = (double)excess / DRAIN_INTERVALS;

        final double itemWork = busy * (1 - overheadShare) * pace + drainItems * workPerItem / interval;
        final double demandNow = busy * pace + drainItems * (busy * interval / completed) / interval;
        final double fullShare = fixed / (fixed + fullBatchItems * workPerItem);
        final double demandFull = Math.min(demandNow, itemWork / (1 - fullShare));
        final double itemsPerNano = (signals.arrivedItems() + drainItems) / interval;
        // Saturated: a backlog beyond two rounds of full batches that is not draining (THROUGHPUT lets it drain at its own
        // pace, that is the target utilization held), or for LATENCY that this pace would not drain within the horizon.
        // THROUGHPUT judges "not draining" over this interval and the one before: under blocking backpressure a full ring
        // admits arrivals in steps, so a single interval alternates between looking drained and looking flooded.
        final double drainPace = signals.completedItems() - signals.arrivedItems() * (1 + settings.deadBand());
        final double pairDrainPace = signals.completedItems() + previousCompleted
            - (signals.arrivedItems() + previousArrived) * (1 + settings.deadBand());
        final boolean saturated = excess > 0 && (settings.objective() == Objective.THROUGHPUT ? pairDrainPace <= 0 : drainPace * DRAIN_INTERVALS < excess);
        final boolean beyondRounds = signals.backlogItems() > BACKLOG_ROUNDS * roundItems;
        return new LoadEstimate(demandNow, demandFull, demandFull, itemWork, itemsPerNano, excess, beyondRounds, saturated, false);
    }
}
