package dev.spindle.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine settings of one {@link TunerShootout} invocation, parsed from its options: workers,
 * tuner interval, fixed budgets, batch cap, latency target and the diagnostics switches.
 */
final class ShootoutConfig
{
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Spindle's default ring size: the most items waiting, staged or running at once (items are staged in the ring). */
    static final int RING_SIZE = 4096;

    final int workers;
    final Duration interval;
    final double smallBudget;
    final double largeBudget;
    final int maxBatchItems;
    final Duration latencyTarget;
    final boolean trace;
    final int window;

    ShootoutConfig(final Map<String, String> options)
    {
        this.workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        this.interval = Duration.ofMillis(Long.parseLong(options.getOrDefault("interval-ms", "50")));
        this.smallBudget = Double.parseDouble(options.getOrDefault("small-budget", "5"));
        this.largeBudget = Double.parseDouble(options.getOrDefault("large-budget", "2000"));
        this.maxBatchItems = Integer.parseInt(options.getOrDefault("max-batch-items", "1024"));
        this.latencyTarget = Duration.ofNanos(Math.round(Double.parseDouble(options.getOrDefault("latency-target-ms", "5")) * 1e6));
        this.trace = options.containsKey("trace");
        this.window = Integer.parseInt(options.getOrDefault("window", "0"));
        CpuAccounting.listThreads = options.containsKey("threads");
    }
}
