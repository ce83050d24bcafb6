package dev.spindle.bench;

import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.IntervalSignals;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerState;
import dev.spindle.engine.tune.TuningPolicy;
import java.time.Duration;
import java.util.Locale;

/**
 * The seed's {@code MLWorkerPool.optimizeConfiguration()} (shared/seed/MLWorkerPool-design.md) as a
 * {@link TuningPolicy}, the baseline the tuner has to beat. Per tick, exactly as the seed:
 * <pre>
 *   if (utilization &lt; target − 10)      threshold = min(threshold × 1.1, 100)
 *   else if (utilization &gt; target + 10) threshold = max(threshold × 0.9, 20)
 *   if (utilization &gt; 95 &amp;&amp; workers &lt; 8)      workers + 1
 *   else if (utilization &lt; 30 &amp;&amp; workers &gt; 2) workers − 1
 * </pre>
 * with threshold starting at 50 and target 80 (per cent). What the port had to decide:
 * <ul>
 * <li><b>Threshold → budget, same units.</b> The seed closes a batch when the summed item complexity
 *     would pass {@code complexityThreshold}; Spindle's cutter closes one when the summed scorer
 *     complexity reaches the complexity budget. So the budget <i>is</i> the threshold, as a number,
 *     in whatever unit the scorer returns (here µs of nominal work, {@link SkewedWorkload#MICROS}).
 *     That keeps the rule's meaning: the seed's threshold of 50 is one to three typical files (a new
 *     file scores ~25-45: size ≤ 20, +15 without embedding, +10 unanalysed), and here 50 µs is 2.5
 *     mean items. Taking the seed's time calibration instead (complexity × 10 ms, so 50 = a 500 ms
 *     batch = 25,000 of these items) would be a different rule, not a port. The seed's other cutting
 *     rule, at least 3 files per batch, belongs to its batcher, not to this controller: the engine's
 *     cutter applies its own (an item over the budget goes alone).</li>
 * <li><b>Utilization.</b> The seed samples busy workers ÷ workers at the tick (0, 50 or 100 % with
 *     two workers); this port uses the interval's mean ({@link IntervalSignals#utilization()}: busy
 *     time ÷ (active workers × interval)), which is that sample's expectation without its noise.
 *     The 95/90/70/30 % thresholds are unchanged.</li>
 * <li><b>Interval.</b> The seed ticks every 5 s; this acts on every engine interval (the run's
 *     {@code intervalLength}), one decision per interval, whatever happened in it, as the seed does.</li>
 * <li><b>Workers.</b> +1 up to 8 and −1 down to 2, as the seed, but never above the usable cores of
 *     the interval ({@link IntervalSignals#usableCores()}), and down to 1 when only one core is usable.
 *     It starts with {@code initialWorkers} (the seed's pool size: the user's size when given).</li>
 * <li><b>Linger</b> does not exist in the seed (it batches the list it is handed): held constant.</li>
 * </ul>
 * The knobs it reports carry the engine's cost model as it stands (for the cutter's deadline
 * prediction only, which items without deadlines never use); the rule itself reads nothing but
 * utilization. Not thread-safe: the engine's tuner thread is its only caller.
 */
public final class SeedRulePolicy implements TuningPolicy
{
    public static final double START_THRESHOLD = 50;
    public static final double MIN_THRESHOLD = 20;
    public static final double MAX_THRESHOLD = 100;
    public static final double TARGET_PERCENT = 80;
    public static final double BAND_PERCENT = 10;
    public static final double GROW = 1.1;
    public static final double SHRINK = 0.9;
    public static final double SCALE_UP_ABOVE_PERCENT = 95;
    public static final double SCALE_DOWN_BELOW_PERCENT = 30;
    public static final int MAX_WORKERS = 8;
    public static final int MIN_WORKERS = 2;

    private final int initialWorkers;
    private final long lingerNanos;
    private double threshold = START_THRESHOLD;
    private TunerState state = TunerState.CONVERGING;

    /** The seed's own pool size for this machine, and the engine's default linger (1 ms). */
    public SeedRulePolicy()
    {
        this(seedPoolSize(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()), Duration.ofMillis(1));
    }

    /**
     * @param initialWorkers the pool size the seed starts with (its {@code options.size} when the user
     *     gives one); the engine further caps it at its own pool
     * @param linger held constant: the seed has no linger
     */
    public SeedRulePolicy(final int initialWorkers, final Duration linger)
    {
        if (initialWorkers < 1)
        {
            throw new IllegalArgumentException("initialWorkers must be >= 1, was " + initialWorkers);
        }
        this.initialWorkers = initialWorkers;
        this.lingerNanos = linger.toNanos();
    }

    /**
     * The seed's {@code calculateOptimalSize()} without a user size: min(max(2, min(cores, 8)),
     * heap ÷ 50 MB, 4), the 4 being its {@code estimateWorkloadOptimal()} with no task history.
     */
    public static int seedPoolSize(final int cores, final long maxHeapBytes)
    {
        final int forCpu = Math.max(2, Math.min(cores, 8));
        final long forMemory = maxHeapBytes / (50L * 1024 * 1024);
        return (int)Math.max(1, Math.min(Math.min(forCpu, forMemory), 4));
    }

    @Override
    public Knobs initial(final double modelFixedNanos, final double modelNanosPerComplexity)
    {
        return knobs(threshold, initialWorkers, modelFixedNanos, modelNanosPerComplexity);
    }

    @Override
    public Decision decide(final IntervalSignals signals, final Knobs current)
    {
        final double utilization = signals.utilization() * 100;
        final StringBuilder reason = new StringBuilder(64)
            .append(String.format(Locale.ROOT, "seed rule: utilization %.1f %% (target %.0f ± %.0f %%): ",
                utilization, TARGET_PERCENT, BAND_PERCENT));

        final double before = threshold;
        if (utilization < TARGET_PERCENT - BAND_PERCENT)
        {
            threshold = Math.min(threshold * GROW, MAX_THRESHOLD);
            reason.append(String.format(Locale.ROOT, "under-utilized, threshold %.2f → %.2f (×%.1f, max %.0f)",
                before, threshold, GROW, MAX_THRESHOLD));
        }
        else if (utilization > TARGET_PERCENT + BAND_PERCENT)
        {
            threshold = Math.max(threshold * SHRINK, MIN_THRESHOLD);
            reason.append(String.format(Locale.ROOT, "over-utilized, threshold %.2f → %.2f (×%.1f, min %.0f)",
                before, threshold, SHRINK, MIN_THRESHOLD));
        }
        else
        {
            reason.append(String.format(Locale.ROOT, "in band, threshold stays %.2f", threshold));
        }

        final int cap = Math.max(1, Math.min(MAX_WORKERS, signals.usableCores()));
        final int floor = cap == 1 ? 1 : Math.min(MIN_WORKERS, cap);
        final int from = current.activeWorkers();
        int workers = Math.max(floor, Math.min(cap, from));
        if (workers != from)
        {
            reason.append("; ").append(from).append(" worker(s) outside ").append(floor).append("..").append(cap)
                .append(" (").append(signals.usableCores()).append(" usable core(s)): ").append(workers);
        }
        if (utilization > SCALE_UP_ABOVE_PERCENT)
        {
            if (workers < cap)
            {
                reason.append("; above 95 %: workers ").append(workers).append(" → ").append(workers + 1);
                workers++;
            }
            else
            {
                reason.append("; above 95 % but already at ").append(workers).append(" worker(s), the cap (min(8, ")
                    .append(signals.usableCores()).append(" usable core(s)))");
            }
        }
        else if (utilization < SCALE_DOWN_BELOW_PERCENT)
        {
            if (workers > floor)
            {
                reason.append("; below 30 %: workers ").append(workers).append(" → ").append(workers - 1);
                workers--;
            }
            else
            {
                reason.append("; below 30 % but already at the floor of ").append(floor).append(" worker(s)");
            }
        }

        final double fixed = Double.isNaN(signals.modelFixedNanosPerBatch()) ? current.fixedNanosPerBatch() : signals.modelFixedNanosPerBatch();
        final double perComplexity = Double.isNaN(signals.modelNanosPerComplexity())
            ? current.nanosPerComplexity()
            : signals.modelNanosPerComplexity();
        final Knobs after = knobs(threshold, workers, fixed, perComplexity);
        state = after.sameControls(current) ? TunerState.STEADY : TunerState.CONVERGING;
        return new Decision(signals.interval(), signals, current, after, state, reason.toString());
    }

    @Override
    public Objective objective()
    {
        return Objective.THROUGHPUT; // the closest: the seed holds a utilization target and has no latency goal
    }

    @Override
    public TunerState state()
    {
        return state;
    }

    /** The current threshold (= complexity budget). */
    public double threshold()
    {
        return threshold;
    }

    private Knobs knobs(final double budget, final int workers, final double fixed, final double perComplexity)
    {
        // targetBatchNanos only describes the batch the budget implies under the model; the seed reads no time.
        final long batchNanos = Math.max(1, Math.round(Math.min(Long.MAX_VALUE / 4.0, fixed + perComplexity * budget)));
        return new Knobs(batchNanos, budget, lingerNanos, workers, fixed, perComplexity);
    }
}
