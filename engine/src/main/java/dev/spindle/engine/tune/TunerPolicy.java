package dev.spindle.engine.tune;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns one interval's measurements into the next interval's knobs: steps are sized from the cost
 * model and the measured load, but bounded, one knob per interval, outside a dead band and damped on
 * reversal, so it gives up a few intervals of convergence for never oscillating on a noisy p99.
 * Deterministic (no clock, no randomness); not thread-safe: one owner calls {@link #decide} per interval.
 */
public final class TunerPolicy implements TuningPolicy
{
    /** Completed items below which an interval's p99 and means are too noisy to act on. */
    private static final long MIN_SAMPLES = 200;
    private static final int WARMUP_INTERVALS = 1;
    private static final int STEADY_AFTER = 2;
    private static final int INFEASIBLE_AFTER = 3;
    /** THROUGHPUT keeps a full batch's fixed cost at or below this share of it. */
    private static final double OVERHEAD_SHARE = 0.05;
    /** Share of budget-closed batches above which the budget, not the load, sizes the batches. */
    private static final double BUDGET_BINDS = 0.25;
    /** A growth run for latency slack starts only above this share and continues down to BUDGET_BINDS: hysteresis. */
    private static final double BUDGET_BINDS_TO_START = 0.4;
    /** Share of the p99 spent waiting for a worker above which more workers, not smaller batches, help. */
    private static final double QUEUE_BOUND = 0.5;
    private static final double BACKLOG_ROUNDS = 2;
    private static final int DRAIN_INTERVALS = 4;
    /** LATENCY's first batch target: a quarter of the p99 target leaves room for queueing and the item's own batch. */
    private static final long LATENCY_START_DIVISOR = 4;
    private static final int MAX_HOLD = 8;
    /** Clean intervals under unchanged knobs a discretionary LATENCY move looks back on (their median and worst). */
    private static final int WINDOW = 3;
    private static final int CONFIRM = 2;
    /** A p99 this far over target (a load step, not a noisy tail sample) is acted on at once; a milder excess must show twice. */
    private static final double SEVERE = 1.5;
    /** Intervals after a park within which needing the worker back marks the parked-to count as too few. */
    private static final int PARK_PROOF = 10;
    /** LATENCY parks only with room for the p99's queue wait to grow this many times over (one worker fewer, near target utilization). */
    private static final double PARK_QUEUE_GROWTH = 2;
    /** Intervals without a move after which a knob's damping is forgotten, so a new load meets full-sized steps. */
    private static final int QUIET_RESET = 10;

    private final TunerSettings settings;
    private final Damper batch;
    private final Damper workers;
    private TunerState state = TunerState.WARMING_UP;
    private int observed;
    private int quiet;
    private int stuck;
    private Knobs lastAfter;
    private boolean lastChanged;
    private int window;
    private final long[] recentP99 = new long[WINDOW];
    private final long[] recentQueueWait = new long[WINDOW];
    private final long[] recentBudgetBound = new long[WINDOW];
    private double parkedDemand;
    private double previousDemand = Double.POSITIVE_INFINITY;
    private boolean carriedOver;
    private int tooFew;
    private double tooFewDemand;

    public TunerPolicy(final TunerSettings settings)
    {
        this.settings = Objects.requireNonNull(settings, "settings");
        final double maxLog = Math.log(settings.maxStepRatio());
        final double minLog = Math.max(Math.log1p(settings.deadBand()), maxLog / 8);
        this.batch = new Damper(maxLog, minLog);
        this.workers = new Damper(maxLog, minLog);
    }

    public TunerSettings settings()
    {
        return settings;
    }

    @Override
    public Objective objective()
    {
        return settings.objective();
    }

    @Override
    public TunerState state()
    {
        return state;
    }

    /**
     * Knobs to start with, before anything is measured: every allowed worker (capacity first), and a
     * batch target of a quarter of the p99 target (LATENCY) or the larger of the model's fixed cost / 5 %
     * and the geometric middle of the batch bounds (THROUGHPUT).
     */
    @Override
    public Knobs initial(final double modelFixedNanos, final double modelNanosPerComplexity)
    {
        if (!(modelFixedNanos >= 0) || !Double.isFinite(modelFixedNanos))
        {
            throw new IllegalArgumentException("modelFixedNanos must be finite and >= 0, was " + modelFixedNanos);
        }
        if (!(modelNanosPerComplexity > 0) || !Double.isFinite(modelNanosPerComplexity))
        {
            throw new IllegalArgumentException("modelNanosPerComplexity must be finite and positive, was " + modelNanosPerComplexity);
        }
        final double start = settings.objective() == Objective.LATENCY
            ? settings.targetP99Nanos() / (double)LATENCY_START_DIVISOR
            : Math.max(modelFixedNanos / OVERHEAD_SHARE, Math.sqrt((double)settings.minBatchNanos() * settings.maxBatchNanos()));
        return knobs(clampBatch(start), settings.maxWorkers(), modelFixedNanos, modelNanosPerComplexity, null);
    }

    /**
     * The control law. Demand is measured in workers: the busy time scaled by arrived / completed, and
     * the same with full batches' fixed costs only (the cost model's figure; spare workers inflate busy
     * time with small batches that parking would fill). Saturation is a backlog beyond two rounds of
     * full batches that is not draining (LATENCY: not within four intervals), never utilization alone.
     * <ol>
     * <li>Too few completed items, or warming up: hold. An interval that drained a backlog (or follows
     *     one that ended with a deep backlog) is contaminated: not used for p99, parking or mild excesses.</li>
     * <li>Saturated, both objectives: with idle workers (utilization under target - dead band) grow a
     *     binding budget (hand-offs starve them); else add workers towards demand / target; at the usable
     *     cores grow a binding budget; else STUCK.</li>
     * <li>THROUGHPUT: keep the batch target at or above fixed cost / 5 %; park workers while two
     *     consecutive intervals' full-batch demand fits one fewer at target - dead band.</li>
     * <li>LATENCY, p99 over target + dead band (twice in a row, or once beyond 1.5 x target): if mostly
     *     queue wait with idle workers, grow a binding budget (else STUCK); if mostly queue wait, add a
     *     worker; else shrink the batch target by target / p99, not below the capacity floor; else add a
     *     worker; else STUCK.</li>
     * <li>LATENCY, the median p99 of up to three clean intervals under target - twice the dead band and
     *     none over target: grow a binding budget (40 % of batches budget-closed to start, 25 % to go on)
     *     by (target - 2 dead bands) / median; else park a worker if the median plus twice the queue
     *     wait still fits and full-batch demand fits one fewer.</li>
     * </ol>
     * Steps: the batch target by at most maxStepRatio (at least the dead band), workers by at most
     * x maxStepRatio or one. A reversal halves that knob's step and doubles the wait before the next
     * discretionary reversal; a worker count that proves too few within ten intervals of a park is not
     * parked into again until demand falls by the dead band. STUCK three times in a row is INFEASIBLE:
     * knobs hold until the objective is met again, the backlog drains, or more cores become usable.
     */
    @Override
    public Decision decide(final IntervalSignals signals, final Knobs current)
    {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(current, "current");
        final long interval = signals.interval();
        batch.tick(interval);
        workers.tick(interval);

        final double fixed = Double.isNaN(signals.modelFixedNanosPerBatch()) ? current.fixedNanosPerBatch() : signals.modelFixedNanosPerBatch();
        final double perComplexity = Double.isNaN(signals.modelNanosPerComplexity())
            ? current.nanosPerComplexity()
            : signals.modelNanosPerComplexity();
        final int cap = Math.max(1, Math.min(settings.maxWorkers(), signals.usableCores()));
        final int floor = Math.min(settings.minWorkers(), cap);

        final StringBuilder notes = new StringBuilder();
        final long batchNanos = clampBatch(current.targetBatchNanos());
        if (batchNanos != current.targetBatchNanos())
        {
            notes.append("batch target ").append(duration(current.targetBatchNanos())).append(" outside ")
                .append(duration(settings.minBatchNanos())).append("..").append(duration(settings.maxBatchNanos()))
                .append(": ").append(duration(batchNanos)).append("; ");
        }
        final int active = Math.max(floor, Math.min(cap, current.activeWorkers()));
        if (active != current.activeWorkers())
        {
            notes.append(current.activeWorkers()).append(" worker(s) outside ").append(floor).append("..").append(cap)
                .append(cap < settings.maxWorkers() ? " (" + signals.usableCores() + " usable core(s))" : "")
                .append(": ").append(active).append("; ");
        }
        if (cap < settings.minWorkers())
        {
            notes.append("only ").append(signals.usableCores()).append(" usable core(s), below minWorkers ")
                .append(settings.minWorkers()).append(": cores win; ");
        }
        if (signals.modelMape() > 0.5)
        {
            notes.append(String.format(Locale.ROOT, "cost model MAPE %.0f %%: budgets are rough; ", signals.modelMape() * 100));
        }
        if (lastAfter == null || lastChanged || !current.sameControls(lastAfter))
        {
            window = 0; // this interval is the first to run with these knobs
        }
        final Knobs base = knobs(batchNanos, active, fixed, perComplexity, current);
        final Verdict verdict = judge(signals, base, cap, floor);
        final Decision decision = new Decision(interval, signals, current, verdict.knobs(), state, notes + verdict.reason());
        lastAfter = decision.after();
        lastChanged = decision.changed();
        return decision;
    }

    private Verdict judge(final IntervalSignals signals, final Knobs knobs, final int cap, final int floor)
    {
        if (signals.completedItems() < MIN_SAMPLES)
        {
            final String why = signals.completedItems() == 0 && signals.backlogItems() > 0
                ? "no item completed with a backlog of " + count(signals.backlogItems()) + ": holding (a stall is the watchdog's business)"
                : "only " + count(signals.completedItems()) + " item(s) completed (< " + MIN_SAMPLES + "): too few to judge, holding";
            return new Verdict(knobs, why);
        }
        // An interval that drained a backlog, or follows one that ended with a backlog still beyond two rounds of full
        // batches, completes items that waited under other conditions: its tail says nothing about these knobs. It is not
        // recorded, restarts the window, and neither parks nor acts on a mild excess.
        final Load measured = Load.of(signals, knobs, settings);
        final boolean drained = signals.completedItems() > signals.arrivedItems() * (1 + settings.deadBand());
        final boolean contaminated = drained || carriedOver;
        carriedOver = drained && measured.beyondRounds();
        if (contaminated)
        {
            window = 0;
        }
        else
        {
            recentP99[window % WINDOW] = signals.p99EndToEndNanos();
            recentQueueWait[window % WINDOW] = signals.p99QueueWaitNanos();
            recentBudgetBound[window % WINDOW] = signals.budgetClosedBatches() * 1_000 / Math.max(1, signals.batches());
            window++;
        }
        if (state == TunerState.WARMING_UP && ++observed <= WARMUP_INTERVALS)
        {
            return new Verdict(knobs, "warming up: observing " + WARMUP_INTERVALS + " interval(s) before acting");
        }
        // Parking is discretionary: it needs two intervals in a row to agree, and none around a drain.
        final Load load = measured.judged(contaminated ? Double.POSITIVE_INFINITY : Math.max(measured.demandFull(), previousDemand),
            contaminated);
        previousDemand = contaminated ? Double.POSITIVE_INFINITY : measured.demandFull();
        final String resumed;
        if (state == TunerState.INFEASIBLE)
        {
            final String exit = infeasibleExit(signals, knobs, load, cap);
            if (exit == null)
            {
                return new Verdict(knobs, "still infeasible, holding: " + reading(signals, knobs, load));
            }
            state = TunerState.CONVERGING;
            stuck = 0;
            recentP99[0] = signals.p99EndToEndNanos();
            recentQueueWait[0] = signals.p99QueueWaitNanos();
            recentBudgetBound[0] = signals.budgetClosedBatches() * 1_000 / Math.max(1, signals.batches());
            window = 1; // the p99s that made it infeasible say nothing about the load that ended it
            resumed = exit + ": leaving INFEASIBLE; ";
        }
        else
        {
            resumed = "";
        }
        final Outcome outcome = settings.objective() == Objective.THROUGHPUT
            ? throughput(signals, knobs, load, cap, floor)
            : latency(signals, knobs, load, cap, floor);
        String reason = resumed + outcome.reason;
        switch (outcome.kind)
        {
            case MOVED ->
            {
                state = TunerState.CONVERGING;
                quiet = 0;
                stuck = 0;
            }
            case STUCK ->
            {
                quiet = 0;
                stuck++;
                if (stuck >= INFEASIBLE_AFTER)
                {
                    state = TunerState.INFEASIBLE;
                    reason += "; infeasible for " + stuck + " intervals: holding the knobs until it is within reach";
                }
                else
                {
                    state = TunerState.CONVERGING;
                    reason += " (" + stuck + " of " + INFEASIBLE_AFTER + " before INFEASIBLE)";
                }
            }
            case HELD ->
            {
                state = TunerState.CONVERGING;
                quiet = 0;
                stuck = 0;
            }
            case SETTLED ->
            {
                stuck = 0;
                quiet++;
                state = quiet >= STEADY_AFTER ? TunerState.STEADY : TunerState.CONVERGING;
            }
        }
        return new Verdict(outcome.knobs, reason);
    }

    private String infeasibleExit(final IntervalSignals signals, final Knobs knobs, final Load load, final int cap)
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

    private Outcome throughput(final IntervalSignals signals, final Knobs knobs, final Load load, final int cap, final int floor)
    {
        final double target = settings.targetUtilization();
        final double band = settings.deadBand();
        final String reading = reading(signals, knobs, load);
        if (load.saturated())
        {
            return relieve(signals, knobs, load, cap, reading);
        }
        final double efficient = knobs.fixedNanosPerBatch() / OVERHEAD_SHARE;
        if (knobs.targetBatchNanos() < efficient)
        {
            final Outcome grow = growBatch(knobs, efficient / knobs.targetBatchNanos(), signals.interval(), true, reading
                + ": a full batch would spend more than " + percentOf(OVERHEAD_SHARE) + " on the fixed " + duration(knobs.fixedNanosPerBatch())
                + ";");
            if (grow != null)
            {
                return grow;
            }
        }
        if (load.excessBacklog() == 0)
        {
            final Outcome park = park(knobs, load, floor, signals.interval(), reading);
            if (park != null)
            {
                return park;
            }
        }
        final int n = knobs.activeWorkers();
        return Outcome.settled(knobs, reading + String.format(Locale.ROOT,
            ": within band (the load needs %.2f worker(s) with full batches, %.2f as batched now; %s)", load.demandFull(), load.demandNow(),
            n > floor ? String.format(Locale.ROOT, "%d would exceed %.2f", n - 1, target - band) : "at the fewest allowed"));
    }

    private Outcome latency(final IntervalSignals signals, final Knobs knobs, final Load load, final int cap, final int floor)
    {
        final double target = settings.targetP99Nanos();
        final double band = settings.deadBand();
        final double p99 = signals.p99EndToEndNanos();
        final String reading = reading(signals, knobs, load);
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
                return Outcome.held(knobs, over + ", but it carries a backlog drained in this or the last interval (completed "
                    + count(signals.completedItems()) + ", arrived " + count(signals.arrivedItems()) + "): judging after the drain");
            }
            if (p99 <= target * SEVERE && (window < 2 || recentP99[(window - 2) % WINDOW] <= target))
            {
                return Outcome.held(knobs, over + " in this interval only: confirming over another before moving (one p99 is noisy;"
                    + " beyond " + SEVERE + " x target it acts at once)");
            }
            if (queueBound && signals.utilization() < settings.targetUtilization() / 2)
            {
                final String idle = over + String.format(Locale.ROOT, ", mostly waiting while utilization is %.2f", signals.utilization());
                final Outcome starved = starved(signals, knobs, idle);
                return starved != null ? starved : Outcome.stuck(knobs, idle
                    + ": hand-offs, not workers, are short and the budget does not bind; neither more workers nor smaller batches help");
            }
            if (queueBound && n < cap)
            {
                return addWorkers(knobs, n + 1, cap, signals.interval(), over + ", mostly waiting for a worker:");
            }
            final long lowest = capacityFloor(knobs, load);
            final Outcome shrink = shrinkBatch(knobs, target / p99, lowest, signals.interval(), over + ":");
            if (shrink != null)
            {
                return shrink;
            }
            if (n < cap)
            {
                return addWorkers(knobs, n + 1, cap, signals.interval(), over + " and batches at their smallest (" + duration(knobs.targetBatchNanos())
                    + "):");
            }
            return Outcome.stuck(knobs, over + " with the batch target at the smallest "
                + (lowest > settings.minBatchNanos() ? "the capacity allows (" + duration(lowest) + " keeps utilization under target)"
                    : "allowed (" + duration(settings.minBatchNanos()) + ")")
                + " and all " + n + " usable worker(s)");
        }
        if (window < CONFIRM)
        {
            return Outcome.settled(knobs, reading + ": p99 within target " + duration(target) + " + dead band; confirming over " + CONFIRM
                + " intervals with these knobs before using any slack");
        }
        // Slack is judged on the window's median (a single p99 is noisy), and only if no interval in it exceeded the target.
        final long typical = medianRecent(recentP99);
        final long worst = worstRecent(recentP99);
        if (typical < target * (1 - 2 * band) && worst <= target)
        {
            final String slack = reading + ": p99 (median of the last " + Math.min(window, WINDOW) + " intervals " + duration(typical)
                + ", worst " + duration(worst) + ") < target " + duration(target) + " - twice the dead band";
            final double binds = medianRecent(recentBudgetBound) / 1_000.0;
            final boolean continuing = batch.direction > 0 && signals.interval() - batch.lastMove <= WINDOW;
            if (binds >= (continuing ? BUDGET_BINDS : BUDGET_BINDS_TO_START))
            {
                // p99 is a wait plus the item's own batch: growing the batch by f grows it by at most f, so aiming at the
                // slack zone's edge does not overshoot the target.
                final Outcome grow = growBatch(knobs, target * (1 - 2 * band) / typical, signals.interval(), false,
                    slack + " with " + percentOf(binds) + " of batches closed by the budget (median):");
                if (grow != null)
                {
                    return grow;
                }
            }
            final long wait = worstRecent(recentQueueWait);
            if (load.excessBacklog() == 0 && typical + PARK_QUEUE_GROWTH * wait <= target * (1 - 2 * band))
            {
                final Outcome park = park(knobs, load, floor, signals.interval(), slack + ", with room for its queue wait ("
                    + duration(wait) + ") to triple");
                if (park != null)
                {
                    return park;
                }
            }
            return Outcome.settled(knobs, slack + ", but batches are as large as the load makes them and no worker can be spared");
        }
        return Outcome.settled(knobs, reading + ": p99 within target " + duration(target) + " ± band");
    }

    /**
     * Saturation, in either objective. With the workers busy, add workers (then grow a binding budget);
     * with workers idle despite the backlog, per-batch hand-off costs the model does not see are
     * starving them, and only bigger batches help.
     */
    private Outcome relieve(final IntervalSignals signals, final Knobs knobs, final Load load, final int cap, final String reading)
    {
        final double target = settings.targetUtilization();
        final int n = knobs.activeWorkers();
        final String why = reading + ": a backlog beyond two rounds of full batches that "
            + (settings.objective() == Objective.THROUGHPUT ? "is not draining" : "would not drain within " + DRAIN_INTERVALS + " intervals");
        if (signals.utilization() < target - settings.deadBand())
        {
            final Outcome starved = starved(signals, knobs, why + String.format(Locale.ROOT, ", yet utilization is %.2f", signals.utilization()));
            if (starved != null)
            {
                return starved;
            }
        }
        if (n < cap)
        {
            final int want = (int)Math.ceil(load.demandNow() / target);
            return addWorkers(knobs, Math.min(want, stepUp(n)), cap, signals.interval(),
                why + String.format(Locale.ROOT, " (demand %.2f worker(s) at %.2f):", load.demandNow(), target));
        }
        if (signals.budgetBoundShare() >= BUDGET_BINDS)
        {
            final Outcome grow = growBatch(knobs, settings.maxStepRatio(), signals.interval(), true,
                why + " at all " + n + " usable worker(s); bigger batches pay the fixed cost less often:");
            if (grow != null)
            {
                return grow;
            }
        }
        return Outcome.stuck(knobs, why + " with all " + n + " usable worker(s) and the batch target "
            + (knobs.targetBatchNanos() >= settings.maxBatchNanos() ? "at its maximum " + duration(settings.maxBatchNanos())
                : "not binding (" + percentOf(signals.budgetBoundShare()) + " of batches closed by the budget)")
            + ": the load exceeds capacity");
    }

    /**
     * Items wait while workers idle: per-batch hand-off costs the model does not see (the cutter, the
     * wake-up) are the bottleneck, and smaller batches or more workers would make it worse; a bigger
     * budget, where it binds, means fewer hand-offs. Null when the budget does not bind.
     */
    private Outcome starved(final IntervalSignals signals, final Knobs knobs, final String why)
    {
        if (signals.budgetBoundShare() < BUDGET_BINDS)
        {
            return null;
        }
        return growBatch(knobs, settings.maxStepRatio(), signals.interval(), true, why
            + ": per-batch hand-off costs the model does not see are starving the workers, and the budget binds;");
    }

    private Outcome addWorkers(final Knobs knobs, final int wanted, final int cap, final long interval, final String why)
    {
        final int n = knobs.activeWorkers();
        final int to = Math.min(cap, Math.max(n + 1, wanted));
        String proof = "";
        if (workers.direction < 0 && interval - workers.lastMove <= PARK_PROOF)
        {
            tooFew = n;
            tooFewDemand = parkedDemand;
            proof = String.format(Locale.ROOT, "; parking to %d at demand %.2f proved too few", n, parkedDemand);
        }
        workers.moved(+1, interval);
        return Outcome.moved(withWorkers(knobs, to), why + " workers " + n + " → " + to + proof);
    }

    /**
     * Parks workers the load does not need even with full batches, keeping the dead band as margin
     * (parking makes batches fuller, which is where full-batch demand becomes true). A count that
     * proved too few right after a park is not parked into again until demand falls by the dead band.
     */
    private Outcome park(final Knobs knobs, final Load load, final int floor, final long interval, final String reading)
    {
        final double ceiling = settings.targetUtilization() - settings.deadBand();
        final int n = knobs.activeWorkers();
        final double demand = load.parkingDemand();
        if (n <= floor || demand > ceiling * (n - 1))
        {
            return null;
        }
        int to = Math.max(Math.max(floor, (int)Math.ceil(demand / ceiling)), stepDown(n));
        final String why = reading + String.format(Locale.ROOT, "; the load needs %.2f worker(s) at %.2f with full batches"
            + " (the larger of this interval's and the last's):", demand, ceiling);
        String proven = "";
        if (to <= tooFew && demand > tooFewDemand * (1 - settings.deadBand()))
        {
            if (tooFew + 1 >= n)
            {
                return null;
            }
            to = tooFew + 1;
            proven = String.format(Locale.ROOT, " (not %d: it proved too few at demand %.2f)", tooFew, tooFewDemand);
        }
        if (!workers.mayMove(-1, interval))
        {
            return Outcome.held(knobs, why + " would park a worker, but the count rose " + (interval - workers.lastMove)
                + " interval(s) ago: holding " + workers.hold + " (reversal damping)");
        }
        workers.moved(-1, interval);
        parkedDemand = demand;
        return Outcome.moved(withWorkers(knobs, to), why + " park, workers " + n + " → " + to + proven);
    }

    /** The middle of the window (of two, their geometric mean): robust to one noisy interval either way. Shares are in permille. */
    private long medianRecent(final long[] recent)
    {
        final long[] values = Arrays.copyOf(recent, Math.min(window, WINDOW));
        Arrays.sort(values);
        return values.length == 2 ? Math.round(Math.sqrt((double)values[0] * values[1])) : values[values.length / 2];
    }

    private long worstRecent(final long[] recent)
    {
        long worst = 0;
        for (int i = 0; i < Math.min(window, WINDOW); i++)
        {
            worst = Math.max(worst, recent[i]);
        }
        return worst;
    }

    private int stepUp(final int n)
    {
        return Math.max(n + 1, (int)Math.floor(n * workers.ratio()));
    }

    private int stepDown(final int n)
    {
        return Math.min(n - 1, (int)Math.ceil(n / workers.ratio()));
    }

    /** Grows the batch target by {@code factor}, capped by the step; null when that is no move or inside the dead band. */
    private Outcome growBatch(final Knobs knobs, final double factor, final long interval, final boolean safety, final String why)
    {
        final long from = knobs.targetBatchNanos();
        if (from >= settings.maxBatchNanos() || factor < 1 + settings.deadBand())
        {
            return null;
        }
        if (!safety && !batch.mayMove(+1, interval))
        {
            return Outcome.held(knobs, why + " would grow the batch target, but it shrank " + (interval - batch.lastMove)
                + " interval(s) ago: holding " + batch.hold + " (reversal damping)");
        }
        final double step = Math.min(Math.log(factor), batch.log);
        final long to = Math.max(settings.minBatchNanos(), Math.min(settings.maxBatchNanos(), (long)Math.ceil(from * Math.exp(step))));
        if (to <= from)
        {
            return null;
        }
        final String note = note(step < Math.log(factor), batch.log < batch.maxLog, to == settings.maxBatchNanos());
        batch.moved(+1, interval);
        return Outcome.moved(withBatch(knobs, to), why + " batch target " + duration(from) + " → " + duration(to) + " ("
            + change((double)to / from) + note + ")");
    }

    /** Shrinks the batch target by {@code factor} (below 1), never below {@code lowest}; null when that is no move. */
    private Outcome shrinkBatch(final Knobs knobs, final double factor, final long lowest, final long interval, final String why)
    {
        final long from = knobs.targetBatchNanos();
        final long bound = Math.max(lowest, settings.minBatchNanos());
        if (from <= bound || factor > 1 / (1 + settings.deadBand()))
        {
            return null;
        }
        final double step = Math.max(Math.log(factor), -batch.log);
        final long to = Math.max(bound, (long)Math.floor(from * Math.exp(step)));
        if (to >= from || (double)from / to < 1 + settings.deadBand() && to != bound)
        {
            return null;
        }
        final String note = note(step > Math.log(factor), batch.log < batch.maxLog, to == settings.minBatchNanos())
            + (to == lowest && lowest > settings.minBatchNanos() ? ", utilization floor" : "");
        batch.moved(-1, interval);
        return Outcome.moved(withBatch(knobs, to), why + " batch target " + duration(from) + " → " + duration(to) + " ("
            + change((double)to / from) + note + ")");
    }

    private static String note(final boolean capped, final boolean damped, final boolean atBound)
    {
        return (capped ? damped ? ", damped step" : ", capped step" : "") + (atBound ? ", at bound" : "");
    }

    /**
     * The smallest batch target whose fixed costs, on full batches, keep the predicted utilization at
     * or under target: below it LATENCY would trade a shorter batch for a growing queue.
     */
    private long capacityFloor(final Knobs knobs, final Load load)
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
        return clampBatch(fixed + load.itemWork() * fixed / headroom);
    }

    private Knobs withBatch(final Knobs knobs, final long batchNanos)
    {
        return knobs(batchNanos, knobs.activeWorkers(), knobs.fixedNanosPerBatch(), knobs.nanosPerComplexity(), null);
    }

    private static Knobs withWorkers(final Knobs knobs, final int activeWorkers)
    {
        return new Knobs(knobs.targetBatchNanos(), knobs.complexityBudget(), knobs.lingerNanos(), activeWorkers,
            knobs.fixedNanosPerBatch(), knobs.nanosPerComplexity());
    }

    /**
     * Knobs for a batch target: the budget through the model, the linger one batch time (a lingering
     * batch then waits about as long as a worker takes to free up). With the target unchanged, a model
     * refresh alone moves the budget only past the dead band.
     */
    private Knobs knobs(final long batchNanos, final int activeWorkers, final double fixed, final double perComplexity, final Knobs previous)
    {
        double budget = Math.min(settings.maxBudget(), Math.max(settings.minBudget(), (batchNanos - fixed) / perComplexity));
        if (previous != null && previous.targetBatchNanos() == batchNanos
            && previous.complexityBudget() >= settings.minBudget() && previous.complexityBudget() <= settings.maxBudget()
            && Math.abs(budget / previous.complexityBudget() - 1) <= settings.deadBand())
        {
            budget = previous.complexityBudget();
        }
        final long linger = Math.max(settings.minLingerNanos(), Math.min(settings.maxLingerNanos(), batchNanos));
        return new Knobs(batchNanos, budget, linger, activeWorkers, fixed, perComplexity);
    }

    private long clampBatch(final double nanos)
    {
        return Math.max(settings.minBatchNanos(), Math.min(settings.maxBatchNanos(), Math.round(nanos)));
    }

    private String reading(final IntervalSignals signals, final Knobs knobs, final Load load)
    {
        final StringBuilder text = new StringBuilder(settings.objective().toString()).append(": ");
        if (settings.objective() == Objective.LATENCY)
        {
            text.append("p99 ").append(duration(signals.p99EndToEndNanos())).append(" (queue wait ")
                .append(duration(signals.p99QueueWaitNanos())).append("), ");
        }
        text.append(String.format(Locale.ROOT, "utilization %.2f at %d worker(s), backlog %s", signals.utilization(),
            knobs.activeWorkers(), count(signals.backlogItems())));
        if (signals.arrivedItems() > signals.completedItems() * (1 + settings.deadBand()))
        {
            text.append(" (arrived ").append(count(signals.arrivedItems())).append(" > completed ").append(count(signals.completedItems()))
                .append(')');
        }
        return text.toString();
    }

    static String duration(final double nanos)
    {
        if (nanos < 1_000)
        {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000)
        {
            return String.format(Locale.ROOT, nanos < 10_000 ? "%.1f µs" : "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000)
        {
            return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.2f ms" : "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String count(final long value)
    {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percentOf(final double share)
    {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String change(final double ratio)
    {
        return String.format(Locale.ROOT, "%+.0f %%", (ratio - 1) * 100);
    }

    /**
     * What the interval says about capacity, in worker-equivalents (1 = one worker busy all interval).
     * Busy time overstates need in a work-conserving engine: spare workers fill idle time with small,
     * overhead-heavy batches that would grow if fewer workers shared the load. So two figures: the
     * busy time today's batch shape needs, and the busy time full batches would need (the model's
     * fixed cost on budget-sized batches); saturation is judged by the backlog, not by utilization.
     */
    private record Load(double demandNow, double demandFull, double parkingDemand, double itemWork, double itemsPerNano, long excessBacklog,
        boolean beyondRounds, boolean saturated, boolean contaminated)
    {
        Load judged(final double demand, final boolean drain)
        {
            return new Load(demandNow, demandFull, demand, itemWork, itemsPerNano, excessBacklog, beyondRounds, saturated, drain);
        }

        static Load of(final IntervalSignals signals, final Knobs knobs, final TunerSettings settings)
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
            final double drainPace = signals.completedItems() - signals.arrivedItems() * (1 + settings.deadBand());
            final boolean saturated = excess > 0 && (settings.objective() == Objective.THROUGHPUT ? drainPace <= 0 : drainPace * DRAIN_INTERVALS < excess);
            final boolean beyondRounds = signals.backlogItems() > BACKLOG_ROUNDS * roundItems;
            return new Load(demandNow, demandFull, demandFull, itemWork, itemsPerNano, excess, beyondRounds, saturated, false);
        }
    }

    private enum Kind
    {
        MOVED,
        HELD,
        SETTLED,
        STUCK
    }

    private record Outcome(Kind kind, Knobs knobs, String reason)
    {
        static Outcome moved(final Knobs knobs, final String reason)
        {
            return new Outcome(Kind.MOVED, knobs, reason);
        }

        static Outcome held(final Knobs knobs, final String reason)
        {
            return new Outcome(Kind.HELD, knobs, reason);
        }

        static Outcome settled(final Knobs knobs, final String reason)
        {
            return new Outcome(Kind.SETTLED, knobs, reason);
        }

        static Outcome stuck(final Knobs knobs, final String reason)
        {
            return new Outcome(Kind.STUCK, knobs, reason);
        }
    }

    private record Verdict(Knobs knobs, String reason)
    {
    }

    /**
     * One knob's memory: its last direction, its current step (log ratio, halved on every reversal
     * down to the dead band, doubled back on every move in the same direction) and how many intervals
     * a discretionary reversal must wait (doubled on every reversal). Forgotten after a quiet spell.
     */
    private static final class Damper
    {
        private final double maxLog;
        private final double minLog;
        private double log;
        private int direction;
        private int hold = 1;
        private long lastMove = Long.MIN_VALUE / 2;

        Damper(final double maxLog, final double minLog)
        {
            this.maxLog = maxLog;
            this.minLog = minLog;
            this.log = maxLog;
        }

        double ratio()
        {
            return Math.exp(log);
        }

        boolean mayMove(final int towards, final long interval)
        {
            return direction == 0 || towards == direction || interval - lastMove > hold;
        }

        void moved(final int towards, final long interval)
        {
            if (direction != 0 && towards != direction)
            {
                log = Math.max(minLog, log / 2);
                hold = Math.min(MAX_HOLD, hold * 2);
            }
            else
            {
                log = Math.min(maxLog, log * 2);
            }
            direction = towards;
            lastMove = interval;
        }

        void tick(final long interval)
        {
            if (interval - lastMove > QUIET_RESET)
            {
                log = maxLog;
                hold = 1;
                direction = 0;
            }
        }
    }
}
