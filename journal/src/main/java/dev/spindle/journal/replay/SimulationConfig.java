package dev.spindle.journal.replay;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.Dispatch;
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
 * @param ringSize the ring's slots: an item holds its slot from its publish until its batch completes, and
 *     a slot frees only once every older item's has (the ring is reused in order)
 * @param rejectWhenFull TRY backpressure: an arrival that finds the ring full is REJECTED; otherwise it waits (BLOCK)
 * @param overheads per-batch costs, or null to estimate them from the recording (see {@link OverheadEstimate})
 * @param dispatch who cuts: {@link Dispatch#WORKERS_CUT} or {@link Dispatch#CUTTER_THREAD} (AUTO is resolved by
 *     the engine from the machine's cores, which a simulation does not have)
 * @param arrivalGapScale each recorded producer gap is multiplied by this (0.5: items offered twice as fast; 1 as recorded)
 * @param cores the what-if machine's usable cores, shared by the running batches and the recording's background
 *     load ({@link CoreShare}); 0 for as many cores as threads (no contention)
 */
public record SimulationConfig(
    int workers,
    double complexityBudget,
    int maxBatchItems,
    long maxLingerNanos,
    TunerSettings tuning,
    Timing timing,
    int ringSize,
    long agingBoundNanos,
    long intervalNanos,
    boolean rejectWhenFull,
    Overheads overheads,
    Dispatch dispatch,
    int cores,
    double arrivalGapScale)
{
    public SimulationConfig
    {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(dispatch, "dispatch");
        require(dispatch != Dispatch.AUTO, "dispatch must be WORKERS_CUT or CUTTER_THREAD: a simulation has no cores to resolve AUTO on");
        require(workers >= 1, "workers must be >= 1, was " + workers);
        require(complexityBudget > 0 && Double.isFinite(complexityBudget), "complexityBudget must be positive and finite, was " + complexityBudget);
        require(maxBatchItems >= 1, "maxBatchItems must be >= 1, was " + maxBatchItems);
        require(maxLingerNanos >= 0, "maxLingerNanos must be >= 0, was " + maxLingerNanos);
        require(ringSize >= 1, "ringSize must be >= 1, was " + ringSize);
        require(agingBoundNanos >= 0, "agingBoundNanos must be >= 0, was " + agingBoundNanos);
        require(intervalNanos > 0, "intervalNanos must be positive, was " + intervalNanos);
        require(cores >= 0, "cores must be >= 0 (0: no limit), was " + cores);
        require(arrivalGapScale > 0 && Double.isFinite(arrivalGapScale), "arrivalGapScale must be positive and finite, was " + arrivalGapScale);
    }

    /** As before cores were modelled: no limit. */
    public SimulationConfig(final int workers, final double complexityBudget, final int maxBatchItems, final long maxLingerNanos,
        final TunerSettings tuning, final Timing timing, final int ringSize, final long agingBoundNanos, final long intervalNanos,
        final boolean rejectWhenFull, final Overheads overheads, final Dispatch dispatch)
    {
        this(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos, intervalNanos,
            rejectWhenFull, overheads, dispatch, 0, 1);
    }

    /**
     * The recording's settings, its original timing, overheads estimated from it, its dispatch
     * (WORKERS_CUT when the recording does not say: a version 1 journal) and its machine's cores.
     */
    public static SimulationConfig of(final RecordedRun run)
    {
        final RunInfo info = run.header().engine();
        final Dispatch recorded = RecordedSettings.dispatch(info.dispatch());
        return new SimulationConfig(Math.max(1, info.workers()), info.complexityBudget(), info.maxBatchItems(), info.maxLingerNanos(),
            RecordedSettings.tuning(run, Integer.MAX_VALUE), Timing.ORIGINAL, Math.max(1, info.ringSize()), info.agingBoundNanos(),
            Math.max(1, info.intervalNanos()), RecordedSettings.backpressure(info.backpressure()).mode() == Backpressure.Mode.TRY, null,
            recorded == null ? Dispatch.WORKERS_CUT : recorded, Math.max(0, info.cores()), 1);
    }

    public SimulationConfig withWorkers(final int workers)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    public SimulationConfig withComplexityBudget(final double budget)
    {
        return new SimulationConfig(workers, budget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    /** Also grows the ring to hold a full batch (to the next power of two), as the engine requires. */
    public SimulationConfig withMaxBatchItems(final int maxItems)
    {
        final int ring = ringSize >= maxItems ? ringSize : Integer.highestOneBit(Math.max(1, maxItems - 1)) << 1;
        return new SimulationConfig(workers, complexityBudget, maxItems, maxLingerNanos, tuning, timing, ring, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    public SimulationConfig withMaxLingerNanos(final long lingerNanos)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, lingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    /** {@code settings} null turns the tuner off. */
    public SimulationConfig withTuning(final TunerSettings settings)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, settings, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    /** The objective's default settings, as {@code tuneForThroughput} / {@code tuneForLatency} choose them. */
    public SimulationConfig withTuning(final Objective objective, final long targetP99Nanos)
    {
        return withTuning(TunerSettings.defaults(objective, objective == Objective.LATENCY ? targetP99Nanos : 0, Integer.MAX_VALUE));
    }

    public SimulationConfig withTiming(final Timing timing)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    public SimulationConfig withIntervalNanos(final long nanos)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            nanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    public SimulationConfig withOverheads(final Overheads overheads)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    /** Who cuts: the workers themselves, or a cutter thread that can queue one batch behind a busy worker. */
    public SimulationConfig withDispatch(final Dispatch dispatch)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    /** The what-if machine's usable cores (0: as many as there are threads). */
    public SimulationConfig withCores(final int cores)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, arrivalGapScale);
    }

    /** Items offered {@code 1 / scale} times as fast as recorded (an open-loop load of another rate, same pattern). */
    public SimulationConfig withArrivalGapScale(final double scale)
    {
        return new SimulationConfig(workers, complexityBudget, maxBatchItems, maxLingerNanos, tuning, timing, ringSize, agingBoundNanos,
            intervalNanos, rejectWhenFull, overheads, dispatch, cores, scale);
    }

    /** The run header's engine settings of a simulation of {@code info}'s recording under this config, starting at {@code start}. */
    RunInfo runInfo(final RunInfo info, final long start)
    {
        return new RunInfo(info.spindleVersion(), info.startEpochMillis(), start, workers(), ringSize(), ringSize(),
            complexityBudget(), maxBatchItems(), maxLingerNanos(), agingBoundNanos(), info.deadlineSlackNanos(),
            info.batchTimeoutNanos(), rejectWhenFull() ? "TRY" : "BLOCK", "SIMULATED", "simulated", intervalNanos(),
            tuning() == null ? "none" : tuning().objective().name(), cores(), info.maxHeapBytes(),
            "simulated; recorded on " + info.jvm(), dispatch().name() + " (simulated)");
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
