package dev.spindle.engine.tune;

import static dev.spindle.engine.tune.DecisionText.change;
import static dev.spindle.engine.tune.DecisionText.duration;
import static dev.spindle.engine.tune.DecisionText.note;

import java.util.Locale;

/**
 * How far a knob moves once a rule wants it to: the batch target by at most maxStepRatio, workers by
 * at most x maxStepRatio or one, each damped on reversal by its {@link StepDamper}; parking also
 * remembers a count that proved too few. Null from a step means it would be no move.
 */
final class KnobSteps
{
    /** Intervals after a park within which needing the worker back marks the parked-to count as too few. */
    private static final int PARK_PROOF = 10;

    private final TunerSettings settings;
    private final KnobDerivation derive;
    private final StepDamper batch;
    private final StepDamper workers;
    /**
     * Intervals a batch target that ended a starvation stays the floor for shrinking: long enough to
     * outlast the latency rule's confirm-then-shrink cycle, short enough for a changed load to get the
     * whole range back.
     */
    static final int STARVED_MEMORY = 20;

    private double parkedDemand;
    private long handOffFloor;
    private long handOffFloorSince = Long.MIN_VALUE / 2;
    private int tooFew;
    private double tooFewDemand;

    KnobSteps(final TunerSettings settings, final KnobDerivation derive)
    {
        this.settings = settings;
        this.derive = derive;
        final double maxLog = Math.log(settings.maxStepRatio());
        final double minLog = Math.max(Math.log1p(settings.deadBand()), maxLog / 8);
        this.batch = new StepDamper(maxLog, minLog);
        this.workers = new StepDamper(maxLog, minLog);
    }

    /** Once per interval, before any step: lets a knob quiet for long enough forget its damping. */
    void tick(final long interval)
    {
        batch.tick(interval);
        workers.tick(interval);
    }

    /** True when the batch target's last move was a growth no more than {@code intervals} ago. */
    boolean batchGrewWithin(final long interval, final int intervals)
    {
        return batch.direction() > 0 && interval - batch.lastMove() <= intervals;
    }

    RuleOutcome addWorkers(final Knobs knobs, final int wanted, final int cap, final long interval, final String why)
    {
        final int n = knobs.activeWorkers();
        final int to = Math.min(cap, Math.max(n + 1, wanted));
        String proof = "";
        if (workers.direction() < 0 && interval - workers.lastMove() <= PARK_PROOF)
        {
            tooFew = n;
            tooFewDemand = parkedDemand;
            proof = String.format(Locale.ROOT, "; parking to %d at demand %.2f proved too few", n, parkedDemand);
        }
        workers.moved(+1, interval);
        return RuleOutcome.moved(KnobDerivation.withWorkers(knobs, to), why + " workers " + n + " → " + to + proof);
    }

    /**
     * Parks workers the load does not need even with full batches, keeping the dead band as margin
     * (parking makes batches fuller, which is where full-batch demand becomes true). A count that
     * proved too few right after a park is not parked into again until demand falls by the dead band.
     */
    RuleOutcome park(final Knobs knobs, final LoadEstimate load, final int floor, final long interval, final String reading)
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
            + " (the largest of this interval's and the two before):", demand, ceiling);
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
            return RuleOutcome.held(knobs, why + " would park a worker, but the count rose " + (interval - workers.lastMove())
                + " interval(s) ago: holding " + workers.hold() + " (reversal damping)");
        }
        workers.moved(-1, interval);
        parkedDemand = demand;
        return RuleOutcome.moved(KnobDerivation.withWorkers(knobs, to), why + " park, workers " + n + " → " + to + proven);
    }

    /** One worker step up from {@code n}: x the workers' current step ratio, at least one more. */
    int stepUp(final int n)
    {
        return Math.max(n + 1, (int)Math.floor(n * workers.ratio()));
    }

    private int stepDown(final int n)
    {
        return Math.min(n - 1, (int)Math.ceil(n / workers.ratio()));
    }

    /** Grows the batch target by {@code factor}, capped by the step; null when that is no move or inside the dead band. */
    RuleOutcome growBatch(final Knobs knobs, final double factor, final long interval, final boolean safety, final String why)
    {
        final long from = knobs.targetBatchNanos();
        if (from >= settings.maxBatchNanos() || factor < 1 + settings.deadBand())
        {
            return null;
        }
        if (!safety && !batch.mayMove(+1, interval))
        {
            return RuleOutcome.held(knobs, why + " would grow the batch target, but it shrank " + (interval - batch.lastMove())
                + " interval(s) ago: holding " + batch.hold() + " (reversal damping)");
        }
        // A safety move (saturation, starvation, overhead) takes a full step even right after a reversal:
        // damping is for discretionary moves, and a backlog that waits on it is what sets the run's p99.
        final double step = Math.min(Math.log(factor), safety ? Math.log(settings.maxStepRatio()) : batch.log());
        final long to = Math.max(settings.minBatchNanos(), Math.min(settings.maxBatchNanos(), (long)Math.ceil(from * Math.exp(step))));
        if (to <= from)
        {
            return null;
        }
        final String note = note(step < Math.log(factor), !safety && batch.damped(), to == settings.maxBatchNanos());
        batch.moved(+1, interval);
        return RuleOutcome.moved(derive.withBatch(knobs, to), why + " batch target " + duration(from) + " → " + duration(to) + " ("
            + change((double)to / from) + note + ")");
    }

    /**
     * Remembers that workers starved for hand-offs and the batch target grew out of it to {@code grownTo}:
     * for {@link #STARVED_MEMORY} intervals shrinking stops there, so the latency rule does not walk back
     * into the regime where per-batch costs the model cannot see eat the cores.
     */
    void starvedUntil(final long grownTo, final long interval)
    {
        handOffFloor = interval - handOffFloorSince <= STARVED_MEMORY ? Math.max(handOffFloor, grownTo) : grownTo;
        handOffFloorSince = interval;
    }

    /** The batch target shrinking may not go below now, or 0. */
    long handOffFloor(final long interval)
    {
        return interval - handOffFloorSince <= STARVED_MEMORY ? handOffFloor : 0;
    }

    /** Shrinks the batch target by {@code factor} (below 1), never below {@code lowest}; null when that is no move. */
    RuleOutcome shrinkBatch(final Knobs knobs, final double factor, final long lowest, final long interval, final String why)
    {
        final long from = knobs.targetBatchNanos();
        final long handOff = handOffFloor(interval);
        final long bound = Math.max(Math.max(lowest, handOff), settings.minBatchNanos());
        if (from <= bound || factor > 1 / (1 + settings.deadBand()))
        {
            return null;
        }
        final double step = Math.max(Math.log(factor), -batch.log());
        final long to = Math.max(bound, (long)Math.floor(from * Math.exp(step)));
        if (to >= from || (double)from / to < 1 + settings.deadBand() && to != bound)
        {
            return null;
        }
        final String note = note(step > Math.log(factor), batch.damped(), to == settings.minBatchNanos())
            + (to == lowest && lowest > settings.minBatchNanos() ? ", utilization floor" : "")
            + (to == handOff && handOff > Math.max(lowest, settings.minBatchNanos()) ? ", hand-off floor: workers starved below it "
                + (interval - handOffFloorSince) + " interval(s) ago" : "");
        batch.moved(-1, interval);
        return RuleOutcome.moved(derive.withBatch(knobs, to), why + " batch target " + duration(from) + " → " + duration(to) + " ("
            + change((double)to / from) + note + ")");
    }
}
