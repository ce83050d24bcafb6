package dev.spindle.engine.tune;

import static dev.spindle.engine.tune.DecisionText.reading;

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
    /** LATENCY's first batch target: a quarter of the p99 target leaves room for queueing and the item's own batch. */
    private static final long LATENCY_START_DIVISOR = 4;

    private final TunerSettings settings;
    private final KnobDerivation derive;
    private final KnobSteps steps;
    private final RecentIntervals recent = new RecentIntervals();
    private final ObjectiveRules rules;
    private TunerState state = TunerState.WARMING_UP;
    private int observed;
    private int quiet;
    private int stuck;
    private Knobs lastAfter;
    private boolean lastChanged;
    private double previousDemand = Double.POSITIVE_INFINITY;
    private double demandBeforeThat = Double.POSITIVE_INFINITY;
    private long previousArrived;
    private long previousCompleted;
    private boolean carriedOver;

    public TunerPolicy(final TunerSettings settings)
    {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.derive = new KnobDerivation(settings);
        this.steps = new KnobSteps(settings, derive);
        this.rules = new ObjectiveRules(settings, derive, steps, recent);
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
     * batch target of a quarter of the p99 target (LATENCY) or the largest allowed (THROUGHPUT: the
     * budget binds only while items wait, and then fewer, larger batches pay fewer hand-offs; an idle
     * worker still gets a batch at once, cut to a fair share of what is staged).
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
            : settings.maxBatchNanos();
        return derive.knobs(derive.clampBatch(start), settings.maxWorkers(), modelFixedNanos, modelNanosPerComplexity, null);
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
     * <li>THROUGHPUT: keep the batch target at or above fixed cost / 5 % (it starts at the largest allowed);
     *     park workers while three consecutive intervals' full-batch demand fits one fewer at target - dead band.</li>
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
        steps.tick(interval);

        final double fixed = Double.isNaN(signals.modelFixedNanosPerBatch()) ? current.fixedNanosPerBatch() : signals.modelFixedNanosPerBatch();
        final double perComplexity = Double.isNaN(signals.modelNanosPerComplexity())
            ? current.nanosPerComplexity()
            : signals.modelNanosPerComplexity();
        final int cap = Math.max(1, Math.min(settings.maxWorkers(), signals.usableCores()));
        final int floor = Math.min(settings.minWorkers(), cap);

        final StringBuilder notes = new StringBuilder();
        final long batchNanos = derive.clampBatch(current.targetBatchNanos());
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
            recent.restart(); // this interval is the first to run with these knobs
        }
        final Knobs base = derive.knobs(batchNanos, active, fixed, perComplexity, current);
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
        final LoadEstimate measured = LoadEstimate.of(signals, knobs, settings, previousArrived, previousCompleted);
        previousArrived = signals.arrivedItems();
        previousCompleted = signals.completedItems();
        final boolean drained = signals.completedItems() > signals.arrivedItems() * (1 + settings.deadBand());
        final boolean contaminated = drained || carriedOver;
        carriedOver = drained && measured.beyondRounds();
        if (contaminated)
        {
            recent.restart();
        }
        else
        {
            recent.record(signals);
        }
        if (state == TunerState.WARMING_UP && ++observed <= WARMUP_INTERVALS)
        {
            return new Verdict(knobs, "warming up: observing " + WARMUP_INTERVALS + " interval(s) before acting");
        }
        // Parking is discretionary: it needs three intervals in a row to agree, and none around a drain.
        final LoadEstimate load = measured.judged(contaminated ? Double.POSITIVE_INFINITY
            : Math.max(measured.demandFull(), Math.max(previousDemand, demandBeforeThat)), contaminated);
        demandBeforeThat = previousDemand;
        previousDemand = contaminated ? Double.POSITIVE_INFINITY : measured.demandFull();
        final String resumed;
        if (state == TunerState.INFEASIBLE)
        {
            final String exit = rules.infeasibleExit(signals, knobs, load, cap);
            if (exit == null)
            {
                return new Verdict(knobs, "still infeasible, holding: " + reading(settings, signals, knobs));
            }
            state = TunerState.CONVERGING;
            stuck = 0;
            recent.restartWith(signals); // the p99s that made it infeasible say nothing about the load that ended it
            resumed = exit + ": leaving INFEASIBLE; ";
        }
        else
        {
            resumed = "";
        }
        final RuleOutcome outcome = rules.apply(signals, knobs, load, cap, floor);
        String reason = resumed + outcome.reason();
        switch (outcome.kind())
        {
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
            case MOVED, HELD ->
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
        return new Verdict(outcome.knobs(), reason);
    }

    /** Delegates to {@link DecisionText}; kept here for callers in the package (the tests' decision logs). */
    static String duration(final double nanos)
    {
        return DecisionText.duration(nanos);
    }

    static String count(final long value)
    {
        return DecisionText.count(value);
    }

    private record Verdict(Knobs knobs, String reason)
    {
    }
}
