package dev.spindle.engine.tune;

import java.util.Objects;

/**
 * The user's objective and the bounds the tuner must stay inside. Times are in nanoseconds, budgets
 * in the complexity scorer's units. Bounds are hard: a bound that is too tight makes the tuner say
 * INFEASIBLE rather than step outside it, so the caller decides, not the tuner.
 *
 * @param targetUtilization busy share of the active workers THROUGHPUT holds, and the ceiling LATENCY
 *     will not push utilization past when it shrinks batches
 * @param targetP99Nanos the LATENCY objective's p99 end-to-end target; ignored (may be 0) for THROUGHPUT
 * @param maxWorkers the caller caps this at the cores that can run workers; the tuner further caps
 *     it at each interval's usable cores, which win over {@code minWorkers} if fewer
 * @param deadBand relative error (e.g. 0.05) inside which nothing moves, and the smallest step taken
 * @param maxStepRatio the largest multiplicative step of a knob per interval (e.g. 1.25)
 */
public record TunerSettings(
    Objective objective,
    double targetUtilization,
    long targetP99Nanos,
    int minWorkers,
    int maxWorkers,
    long minBatchNanos,
    long maxBatchNanos,
    double minBudget,
    double maxBudget,
    long minLingerNanos,
    long maxLingerNanos,
    double deadBand,
    double maxStepRatio)
{
    public TunerSettings
    {
        Objects.requireNonNull(objective, "objective");
        require(targetUtilization > 0 && targetUtilization <= 1, "targetUtilization must be in (0, 1], was " + targetUtilization);
        require(targetP99Nanos >= 0, "targetP99Nanos must be >= 0, was " + targetP99Nanos);
        require(objective != Objective.LATENCY || targetP99Nanos > 0, "targetP99Nanos must be positive for the LATENCY objective, was " + targetP99Nanos);
        require(minWorkers >= 1 && maxWorkers >= minWorkers, "worker bounds must satisfy 1 <= minWorkers <= maxWorkers, were " + minWorkers + ".." + maxWorkers);
        require(minBatchNanos > 0 && maxBatchNanos >= minBatchNanos,
            "batch time bounds must satisfy 0 < minBatchNanos <= maxBatchNanos, were " + minBatchNanos + ".." + maxBatchNanos);
        require(minBudget > 0 && Double.isFinite(maxBudget) && maxBudget >= minBudget,
            "budget bounds must be finite and satisfy 0 < minBudget <= maxBudget, were " + minBudget + ".." + maxBudget);
        require(minLingerNanos >= 0 && maxLingerNanos >= minLingerNanos,
            "linger bounds must satisfy 0 <= minLingerNanos <= maxLingerNanos, were " + minLingerNanos + ".." + maxLingerNanos);
        require(deadBand >= 0 && deadBand < 0.5, "deadBand must be in [0, 0.5), was " + deadBand);
        require(Double.isFinite(maxStepRatio) && maxStepRatio > 1 + deadBand,
            "maxStepRatio must exceed 1 + deadBand (" + (1 + deadBand) + ") or no step could clear the dead band, was " + maxStepRatio);
    }

    /**
     * Defaults: utilization 0.95, 1..maxWorkers workers, batches of 20 us to 20 ms, linger 10 us to
     * 10 ms, budgets bounded only by the batch times, dead band 5 %, steps of at most x1.25.
     */
    public static TunerSettings defaults(final Objective objective, final long targetP99Nanos, final int maxWorkers)
    {
        return new TunerSettings(objective, 0.95, targetP99Nanos, 1, maxWorkers, 20_000, 20_000_000, 1e-9, 1e15,
            10_000, 10_000_000, 0.05, 1.25);
    }

    public TunerSettings withWorkers(final int min, final int max)
    {
        return new TunerSettings(objective, targetUtilization, targetP99Nanos, min, max, minBatchNanos, maxBatchNanos, minBudget,
            maxBudget, minLingerNanos, maxLingerNanos, deadBand, maxStepRatio);
    }

    public TunerSettings withBatchNanos(final long min, final long max)
    {
        return new TunerSettings(objective, targetUtilization, targetP99Nanos, minWorkers, maxWorkers, min, max, minBudget,
            maxBudget, minLingerNanos, maxLingerNanos, deadBand, maxStepRatio);
    }

    public TunerSettings withTargetP99Nanos(final long target)
    {
        return new TunerSettings(objective, targetUtilization, target, minWorkers, maxWorkers, minBatchNanos, maxBatchNanos,
            minBudget, maxBudget, minLingerNanos, maxLingerNanos, deadBand, maxStepRatio);
    }

    public TunerSettings withTargetUtilization(final double target)
    {
        return new TunerSettings(objective, target, targetP99Nanos, minWorkers, maxWorkers, minBatchNanos, maxBatchNanos,
            minBudget, maxBudget, minLingerNanos, maxLingerNanos, deadBand, maxStepRatio);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
