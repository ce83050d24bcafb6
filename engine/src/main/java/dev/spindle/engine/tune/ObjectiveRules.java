package dev.spindle.engine.tune;

import static dev.spindle.engine.tune.DecisionText.count;
import static dev.spindle.engine.tune.DecisionText.duration;
import static dev.spindle.engine.tune.DecisionText.percentOf;
import static dev.spindle.engine.tune.DecisionText.reading;

import java.util.Locale;

/**
 * Which knob an interval calls for under each objective (saturation relief, THROUGHPUT's overhead floor
 * and parking, LATENCY's excess and slack), and when INFEASIBLE ends. At most one knob per interval,
 * how far left to {@link KnobSteps}: slower convergence, but never two knobs fighting over one p99.
 */
final class ObjectiveRules
{
    /** THROUGHPUT keeps a full batch's fixed cost at or below this share of it. */
    static final double OVERHEAD_SHARE = 0.05;
    /** Share of budget-closed batches above which the budget, not the load, sizes the batches. */
    private static final double BUDGET_BINDS = 0.25;
    /** A growth run for latency slack starts only above this share and continues down to BUDGET_BINDS: hysteresis. */
    private static final double BUDGET_BINDS_TO_START = 0.4;
    /** Share of the p99 spent waiting for a worker above which more workers, not smaller batches, help. */
    private static final double QUEUE_BOUND = 0.5;
    /** A p99 queue wait beyond this many batch targets is a queue of batches, not the wait for running ones to end. */
    private static final double BATCH_RESIDUALS = 2;
    private static final int CONFIRM = 2;
    /** A p99 this far over target (a load step, not a noisy tail sample) is acted on at once; a milder excess must show twice. */
    private static final double SEVERE = 1.5;
    /** LATENCY parks only with room for the p99's queue wait to grow this many times over (one worker fewer, near target utilization). */
    private static final double PARK_QUEUE_GROWTH = 2;

    private final TunerSettings settings;
    private final KnobDerivation derive;
    private final KnobSteps steps;
    private final RecentIntervals recent;

    ObjectiveRules(final TunerSettings settings, final KnobDerivation derive, final KnobSteps steps, final RecentIntervals recent)
    {
        this.settings = settings;
        this.derive = derive;
        this.steps = steps;
        this.recent = recent;
    }

    /** The settings' objective's rules applied to one judged interval. */
    RuleOutcome apply(final IntervalSignals signals, final Knobs knobs, final LoadEstimate load, final int cap, final int floor)
    {
        return settings.objective() == Objective.THROUGHPUT
            ? throughput(signals, knobs, load, cap, floor)
            : latency(signals, knobs, load, cap, floor);
    }

    /** Why an INFEASIBLE objective is within reach again, or null while it is not. */
    String infeasibleExit(final IntervalSignals signals, final Knobs knobs, final LoadEstimate load, final int cap)
    {
        if (cap > knobs.activeWorkers())
        {
            return cap + " usable worker(s) now, " + knobs.activeWorkers() + " active";
        }
        if (settings.objective() == Objective.LATENCY && !load.saturated() && signals.p99EndToEndNanos() <= settings.targetP99Nanos())
        {
            return "p99 " + duration(signals.p99EndToEndNanos()) + " back under target " + duration(settings.targetP99Nanos());
        }
        if (settings.objective() == Objective.THROUGHPUT && !load.saturated())
        {
            return "the backlog is within two rounds of full batches or draining";
        }
        if (load.saturated() && signals.budgetBoundShare() >= BUDGET_BINDS && knobs.targetBatchNanos() < settings.maxBatchNanos())
        {
            return "saturated with a binding budget below its maximum";
        }
        return null;
    }

    private RuleOutcome throughput(final IntervalSignals signals, final Knobs knobs, final LoadEstimate load, final int cap, final int floor)
    {
        final double target = settings.targetUtilization();
        final double band = settings.deadBand();
        final String reading = reading(settings, signals, knobs);
        if (load.saturated())
        {
            return relieve(signals, knobs, load, cap, reading);
        }
        final double efficient = knobs.fixedNanosPerBatch() / OVERHEAD_SHARE;
        if (knobs.targetBatchNanos() < efficient)
        {
            final RuleOutcome grow = steps.growBatch(knobs, efficient / knobs.targetBatchNanos(), signals.interval(), true, reading
                + ": a full batch would spend more than " + percentOf(OVERHEAD_SHARE) + " on the fixed " + duration(knobs.fixedNanosPerBatch())
                + ";");
            if (grow != null)
            {
                return grow;
            }
        }
        if (load.excessBacklog() == 0)
        {
            final RuleOutcome park = steps.park(knobs, load, floor, signals.interval(), reading);
            if (park != null)
            {
                return park;
            }
        }
        final int n = knobs.activeWorkers();
        return RuleOutcome.settled(knobs, reading + String.format(Locale.ROOT,
            ": within band (the load needs %.2f worker(s) with full batches, %.2f as batched now; %s)", load.demandFull(), load.demandNow(),
            n > floor ? String.format(Locale.ROOT, "%d would exceed %.2f", n - 1, target - band) : "at the fewest allowed"));
    }

    private RuleOutcome latency(final IntervalSignals signals, final Knobs knobs, final LoadEstimate load, final int cap, final int floor)
    {
        final double target = settings.targetP99Nanos();
        final double band = settings.deadBand();
        final double p99 = signals.p99EndToEndNanos();
        final String reading = reading(settings, signals, knobs);
        if (load.saturated())
        {
            return relieve(signals, knobs, load, cap, reading);
        }
        final int n = knobs.activeWorkers();
        if (p99 > target * (1 + band))
        {
            final String over = reading + ": p99 > target " + duration(target) + " + dead band";
            final boolean queueBound = signals.p99QueueWaitNanos() >= QUEUE_BOUND * p99;
            if ((queueBound || load.excessBacklog() == 0) && load.contaminated())
            {
                return RuleOutcome.held(knobs, over + ", but it carries a backlog drained in this or the last interval (completed "
                    + count(signals.completedItems()) + ", arrived " + count(signals.arrivedItems()) + "): judging after the drain");
            }
            if (p99 <= target * SEVERE && (recent.count() < 2 || recent.previousP99() <= target))
            {
                return RuleOutcome.held(knobs, over + " in this interval only: confirming over another before moving (one p99 is noisy;"
                    + " beyond " + SEVERE + " x target it acts at once)");
            }
            if (queueBound && signals.utilization() < settings.targetUtilization() / 2)
            {
                final String idle = over + String.format(Locale.ROOT, ", mostly waiting while utilization is %.2f", signals.utilization());
                final RuleOutcome starved = starved(signals, knobs, idle);
                return starved != null ? starved : RuleOutcome.stuck(knobs, idle
                    + ": hand-offs, not workers, are short and the budget does not bind; neither more workers nor smaller batches help");
            }
            if (queueBound && n < cap)
            {
                return steps.addWorkers(knobs, n + 1, cap, signals.interval(), over + ", mostly waiting for a worker:");
            }
            if (queueBound && signals.p99QueueWaitNanos() > BATCH_RESIDUALS * knobs.targetBatchNanos())
            {
                // Waiting for the running batches to end costs at most about a batch; a wait of many is a queue of
                // batches, and smaller batches only add hand-offs to it.
                final String queued = over + ", mostly waiting (" + duration(signals.p99QueueWaitNanos()) + ", more than "
                    + (int)BATCH_RESIDUALS + " batch targets) at all " + n + " usable worker(s)";
                final RuleOutcome starved = starved(signals, knobs, queued);
                return starved != null ? starved : RuleOutcome.stuck(knobs, queued
                    + ": a queue of batches, not their size, sets the p99, and the budget does not bind; smaller batches would"
                    + " only add hand-offs");
            }
            final long lowest = capacityFloor(knobs, load);
            final RuleOutcome shrink = steps.shrinkBatch(knobs, target / p99, lowest, signals.interval(), over + ":");
            if (shrink != null)
            {
                return shrink;
            }
            if (n < cap)
            {
                return steps.addWorkers(knobs, n + 1, cap, signals.interval(), over + " and batches at their smallest ("
                    + duration(knobs.targetBatchNanos()) + "):");
            }
            final long handOff = steps.handOffFloor(signals.interval());
            return RuleOutcome.stuck(knobs, over + " with the batch target at the smallest "
                + (handOff > Math.max(lowest, settings.minBatchNanos()) ? "that kept the workers fed (" + duration(handOff)
                    + ": below it they starved for hand-offs)"
                    : lowest > settings.minBatchNanos() ? "the capacity allows (" + duration(lowest) + " keeps utilization under target)"
                    : "allowed (" + duration(settings.minBatchNanos()) + ")")
                + " and all " + n + " usable worker(s)");
        }
        if (recent.count() < CONFIRM)
        {
            return RuleOutcome.settled(knobs, reading + ": p99 within target " + duration(target) + " + dead band; confirming over " + CONFIRM
                + " intervals with these knobs before using any slack");
        }
        // Slack is judged on the window's median (a single p99 is noisy), and only if no interval in it exceeded the target.
        final long typical = recent.medianP99();
        final long worst = recent.worstP99();
        if (typical < target * (1 - 2 * band) && worst <= target)
        {
            final String slack = reading + ": p99 (median of the last " + recent.span() + " intervals " + duration(typical)
                + ", worst " + duration(worst) + ") < target " + duration(target) + " - twice the dead band";
            final double binds = recent.medianBudgetBound() / 1_000.0;
            final boolean continuing = steps.batchGrewWithin(signals.interval(), RecentIntervals.WINDOW);
            if (binds >= (continuing ? BUDGET_BINDS : BUDGET_BINDS_TO_START))
            {
                // p99 is a wait plus the item's own batch: growing the batch by f grows it by at most f, so aiming at the
                // slack zone's edge does not overshoot the target.
                final RuleOutcome grow = steps.growBatch(knobs, target * (1 - 2 * band) / typical, signals.interval(), false,
                    slack + " with " + percentOf(binds) + " of batches closed by the budget (median):");
                if (grow != null)
                {
                    return grow;
                }
            }
            final long wait = recent.worstQueueWait();
            if (load.excessBacklog() == 0 && typical + PARK_QUEUE_GROWTH * wait <= target * (1 - 2 * band))
            {
                final RuleOutcome park = steps.park(knobs, load, floor, signals.interval(), slack + ", with room for its queue wait ("
                    + duration(wait) + ") to triple");
                if (park != null)
                {
                    return park;
                }
            }
            return RuleOutcome.settled(knobs, slack + ", but batches are as large as the load makes them and no worker can be spared");
        }
        return RuleOutcome.settled(knobs, reading + ": p99 within target " + duration(target) + " ± band");
    }

    /**
     * Saturation, in either objective. With the workers busy, add workers (then grow a binding budget);
     * with workers idle despite the backlog, per-batch hand-off costs the model does not see are
     * starving them, and only bigger batches help.
     */
    private RuleOutcome relieve(final IntervalSignals signals, final Knobs knobs, final LoadEstimate load, final int cap, final String reading)
    {
        final double target = settings.targetUtilization();
        final int n = knobs.activeWorkers();
        final String why = reading + ": a backlog beyond two rounds of full batches that "
            + (settings.objective() == Objective.THROUGHPUT ? "is not draining"
                : "would not drain within " + LoadEstimate.DRAIN_INTERVALS + " intervals");
        if (signals.utilization() < target - settings.deadBand())
        {
            final RuleOutcome starved = starved(signals, knobs, why + String.format(Locale.ROOT, ", yet utilization is %.2f", signals.utilization()));
            if (starved != null)
            {
                return starved;
            }
        }
        if (n < cap)
        {
            final int want = (int)Math.ceil(load.demandNow() / target);
            return steps.addWorkers(knobs, Math.min(want, steps.stepUp(n)), cap, signals.interval(),
                why + String.format(Locale.ROOT, " (demand %.2f worker(s) at %.2f):", load.demandNow(), target));
        }
        if (signals.budgetBoundShare() >= BUDGET_BINDS)
        {
            final RuleOutcome grow = steps.growBatch(knobs, settings.maxStepRatio(), signals.interval(), true,
                why + " at all " + n + " usable worker(s); bigger batches pay the fixed cost less often:");
            if (grow != null)
            {
                return grow;
            }
        }
        return RuleOutcome.stuck(knobs, why + " with all " + n + " usable worker(s) and the batch target "
            + (knobs.targetBatchNanos() >= settings.maxBatchNanos() ? "at its maximum " + duration(settings.maxBatchNanos())
                : "not binding (" + percentOf(signals.budgetBoundShare()) + " of batches closed by the budget)")
            + ": the load exceeds capacity");
    }

    /**
     * Items wait while workers idle: per-batch hand-off costs the model does not see (the cutter, the
     * wake-up) are the bottleneck, and smaller batches or more workers would make it worse; a bigger
     * budget, where it binds, means fewer hand-offs. Null when the budget does not bind.
     */
    private RuleOutcome starved(final IntervalSignals signals, final Knobs knobs, final String why)
    {
        if (signals.budgetBoundShare() < BUDGET_BINDS)
        {
            return null;
        }
        final RuleOutcome grow = steps.growBatch(knobs, settings.maxStepRatio(), signals.interval(), true, why
            + ": per-batch hand-off costs the model does not see are starving the workers, and the budget binds;");
        if (grow != null && grow.kind() == RuleOutcome.Kind.MOVED)
        {
            steps.starvedUntil(grow.knobs().targetBatchNanos(), signals.interval());
        }
        return grow;
    }

    /**
     * The smallest batch target whose fixed costs, on full batches, keep the predicted utilization at
     * or under target: below it LATENCY would trade a shorter batch for a growing queue.
     */
    private long capacityFloor(final Knobs knobs, final LoadEstimate load)
    {
        final double headroom = settings.targetUtilization() * knobs.activeWorkers() - load.itemWork();
        if (headroom <= 0)
        {
            return knobs.targetBatchNanos(); // the item work alone fills the target: no shrinking at all
        }
        final double fixed = knobs.fixedNanosPerBatch();
        if (load.itemsPerNano() * fixed <= headroom)
        {
            return settings.minBatchNanos(); // even one-item batches fit
        }
        return derive.clampBatch(fixed + load.itemWork() * fixed / headroom);
    }
}
