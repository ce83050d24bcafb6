package dev.spindle.bench.seed;

/**
 * The seed's {@code optimizeConfiguration()}, run every 5 s by {@code startAdaptiveOptimization()}: the
 * share of busy workers at that instant against a target of 80 % moves the complexity threshold ×1.1
 * (below 70 %, at most 100) or ×0.9 (above 90 %, at least 20). Its scaleUp()/scaleDown() are called but
 * never defined in the seed, so the worker count stays fixed here.
 */
public final class SeedTuner
{
    public static final long INTERVAL_MILLIS = 5_000;
    static final double UTILIZATION_TARGET = 80;

    private SeedTuner()
    {
    }

    /** The threshold after one tick at {@code utilizationPercent} (busy workers / workers × 100). */
    public static double next(final double threshold, final double utilizationPercent)
    {
        if (utilizationPercent < UTILIZATION_TARGET - 10)
        {
            return Math.min(threshold * 1.1, 100);
        }
        if (utilizationPercent > UTILIZATION_TARGET + 10)
        {
            return Math.max(threshold * 0.9, 20);
        }
        return threshold;
    }
}
