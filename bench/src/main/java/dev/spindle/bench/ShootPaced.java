package dev.spindle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open-loop rows of {@link EngineShootout}: skewed work offered at a share (50 %, 90 %) of Spindle's
 * closed-batch items/s of this run, through {@link OpenLoopRun} (item i due at start + i / rate, latency
 * from the due time, so coordinated omission is corrected; figures after the settling time). Spindle tuned
 * runs {@code tuneForLatency(5 ms)} here, spindle-fixed the closed runs' fixed knobs; the executor and
 * ForkJoinPool take one task per item. The seed (a whole-array calculate() has no arrival stream) and the
 * Disruptor are not in the paced runs.
 */
final class ShootPaced
{
    static final List<String> ENGINES = List.of("spindle-tuned", "spindle-fixed", "executor", "forkjoin");

    private ShootPaced()
    {
    }

    static List<ShootRow> run(final List<String> engines, final int workers, final SkewedWorkload work, final double capacity,
        final double[] loads, final double seconds, final double settle) throws InterruptedException
    {
        final ShootoutConfig config = new ShootoutConfig(Map.of("workers", Integer.toString(workers),
            "large-budget", Double.toString(ShootEngines.FIXED_BUDGET), "max-batch-items", Integer.toString(ShootEngines.MAX_BATCH_ITEMS)));
        final OpenLoopRun open = new OpenLoopRun(config, new SpindleEngines(config));
        final List<ShootRow> rows = new ArrayList<>();
        for (final double load : loads)
        {
            final long rate = Math.max(1, Math.round(load * capacity));
            final String workload = String.format(java.util.Locale.ROOT, "paced-%.0f%%", load * 100);
            for (final String engine : engines)
            {
                if (!ENGINES.contains(engine))
                {
                    continue;
                }
                final String inner = "spindle-tuned".equals(engine) ? "tuner-latency" : "spindle-fixed".equals(engine) ? "fixed-large" : engine;
                open.run(inner, work, rate, Math.min(0.5, seconds / 4), 0); // untimed warm-up at this rate
                System.gc();
                Thread.sleep(200);
                final PacedResult r = open.run(inner, work, rate, seconds, settle);
                final org.HdrHistogram.Histogram h = r.settled;
                rows.add(new ShootRow(workload, engine, workers, r.items, (double)rate, Double.NaN, r.utilization,
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                    (double)r.allocBytes / r.items, String.format(java.util.Locale.ROOT, "offered %,d items/s for %.1f s", rate, seconds)));
            }
        }
        return rows;
    }
}
