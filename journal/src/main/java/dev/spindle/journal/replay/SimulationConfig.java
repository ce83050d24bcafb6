package dev.spindle.journal.replay;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.journal.RecordedRun;
import java.util.Objects;

/**
 * The engine a {@link Simulator} runs a recording on: by default the recording's own settings, with
 * any of them changed to ask "what if". Times are nanoseconds.
 *
 * @param tuning the tuner's settings (worker bounds are capped at {@code workers}), or null for fixed knobs
 * @param rejectWhenFull TRY backpressure: an arrival that finds the ring full is REJECTED; otherwise it waits (BLOCK)
 * @param overheads per-batch costs, or null to estimate them from the recording (see {@link OverheadEstimate})
 */
public record SimulationConfig(
    int workers,
    double complexityBudget,
    int maxBatchItems,
    long maxLingerNanos,
    TunerSettings tuning,
    Timing timing,
    int ringSize,
    int stagingCapacity,
    long agingBoundNanos,
    long intervalNanos,
    boolean rejectWhenFull,
    Overheads overheads)
{
    public SimulationConfig
    {
        Objects.requireNonNull(timing, "timing");
        require(workers >= 1, "workers must be >= 1, was " + workers);
        require(complexityBudget > 0 && Double.isFinite(complexityBudget), "complexityBudget must be positive and finite, was " + complexityBudget);
        require(maxBatchItems >= 1, "maxBatchItems must be >= 1, was " + maxBatchItems);
        require(maxLingerNanos >= 0, "maxLingerNanos must be >= 0, was " + maxLingerNanos);
        require(ringSize >= 1, "ringSize must be >= 1, was " + ringSize);
        require(stagingCapacity >= maxBatchItems, "stagingCapacity (" + stagingCapacity + ") must hold a full batch (" + maxBatchItems + ")");
        require(agingBoundNanos >= 0, "agingBoundNanos must be >= 0, was " + agingBoundNanos);
        require(intervalNanos > 0, "intervalNanos must be positive, was " + intervalNanos);
    }

    /** The recording's settings, its original timing, overheads estimated from it. */
    public static SimulationConfig of(final RecordedRun run)
    {
        final RunInfo info = run.header().engine();
        return new SimulationConfig(Math.max(1, info.workers()), info.complexityBudget(), info.maxBatchItems(), info.maxLingerNanos(),
            RecordedSettings.tuning(run, Integer.MAX_VALUE), Timing.ORIGINAL, Math.max(1, info.ringSize()),
            Math.max(info.maxBatchItems(), info.stagingCapacity()), info.agingBoundNanos(), Math.max(1, info.intervalNanos()),
            RecordedSettings.backpressure(info.backpressure()).mode() == Backpressure.Mode.TRY, null);
    }

    public SimulationConfig withWorkers(final int workers)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, stagingCapacity,
            agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    public SimulationConfig withComplexityBudget(final double budget)
    {
        return new SimulationConfig(workers, budget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, stagingCapacity,
            agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    /** Also raises the staging capacity to hold a full batch, as the engine requires. */
    public SimulationConfig withMaxBatchItems(final int maxItems)
    {
        return new SimulationConfig(workers, complexityBudget, maxItems, maxLingerNanos, tuning, timing, ringSize,
            Math.max(stagingCapacity, maxItems), agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    public SimulationConfig withMaxLingerNanos(final long lingerNanos)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, lingerNanos, tuning, timing, ringSize, stagingCapacity,
            agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    /** {@code settings} null turns the tuner off. */
    public SimulationConfig withTuning(final TunerSettings settings)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, settings, timing, ringSize, stagingCapacity,
            agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    /** The objective's default settings, as {@code tuneForThroughput} / {@code tuneForLatency} choose them. */
    public SimulationConfig withTuning(final Objective objective, final long targetP99Nanos)
    {
        return withTuning(TunerSettings.defaults(objective, objective == Objective.LATENCY ? targetP99Nanos : 0, Integer.MAX_VALUE));
    }

    public SimulationConfig withTiming(final Timing timing)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, stagingCapacity,
            agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    public SimulationConfig withIntervalNanos(final long nanos)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, stagingCapacity,
            agingBoundNanos, nanos, rejectWhenFull, overheads);
    }

    public SimulationConfig withOverheads(final Overheads overheads)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, stagingCapacity,
            agingBoundNanos, intervalNanos, rejectWhenFull, overheads);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
