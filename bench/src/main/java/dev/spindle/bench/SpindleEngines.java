package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.metrics.TunerReport;
import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.IntervalSignals;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerPolicy;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.engine.tune.TunerState;
import dev.spindle.engine.tune.TuningPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The Spindle engines of {@link TunerShootout} (fixed-small, fixed-large, seed-rule, tuner, tuner-latency):
 * their builders, the --trace wrapper that logs every tuner decision, and the tuner's path through a run.
 * Every engine carries {@link Burn} items scored by {@link SkewedWorkload#MICROS}, one priority (no
 * priority function, so batches are cut in place, in arrival order).
 */
final class SpindleEngines
{
    private final ShootoutConfig config;
    /** With --trace: every decision of the current run (the engine's report keeps only the last 64). */
    private List<Decision> log = List.of();

    SpindleEngines(final ShootoutConfig config)
    {
        this.config = config;
    }

    SpindleBuilder<Burn> builder(final String engine, final SkewedWorkload.Meter meter, final OutcomeListener<? super Burn> listener)
    {
        final SpindleBuilder<Burn> b = Spindle.builder(Burn::new, SkewedWorkload.processor(meter))
            .listener(listener)
            .cost(SkewedWorkload.MICROS)
            .workers(config.workers)
            .ringSize(ShootoutConfig.RING_SIZE)
            .maxBatchItems(config.maxBatchItems)
            .intervalLength(config.interval)
            .singleProducer(true)
            .threadNamePrefix(RunSupport.threadPrefix(engine));
        switch (engine)
        {
            case "fixed-small":
                return b.complexityBudget(config.smallBudget);
            case "fixed-large":
                return b.complexityBudget(config.largeBudget);
            case "seed-rule":
                return b.complexityBudget(SeedRulePolicy.START_THRESHOLD)
                    .tuningPolicy(logged(new SeedRulePolicy(config.workers, Duration.ofMillis(1))));
            case "tuner":
                // --trace plugs in the same policy tuneForThroughput() builds (defaults, 1..pool workers), wrapped to log every decision
                return config.trace ? b.tuningPolicy(logged(new TunerPolicy(TunerSettings.defaults(Objective.THROUGHPUT, 0, config.workers))))
                    : b.tuneForThroughput();
            case "tuner-latency":
                return config.trace
                    ? b.tuningPolicy(logged(new TunerPolicy(TunerSettings.defaults(Objective.LATENCY, config.latencyTarget.toNanos(), config.workers))))
                    : b.tuneForLatency(config.latencyTarget);
            default:
                throw new IllegalArgumentException("unknown engine " + engine
                    + " (fixed-small, fixed-large, seed-rule, tuner, tuner-latency, executor, executor-8k)");
        }
    }

    private TuningPolicy logged(final TuningPolicy policy)
    {
        if (!config.trace)
        {
            return policy;
        }
        final List<Decision> decisions = Collections.synchronizedList(new ArrayList<>());
        log = decisions;
        return new TuningPolicy()
        {
            @Override
            public Knobs initial(final double modelFixedNanos, final double modelNanosPerComplexity)
            {
                final Knobs knobs = policy.initial(modelFixedNanos, modelNanosPerComplexity);
                System.out.printf(Locale.ROOT, "    initial knobs (cost model prior %.0f ns fixed + %.0f ns/complexity): %s%n", modelFixedNanos,
                    modelNanosPerComplexity, knobs);
                return knobs;
            }

            @Override
            public Decision decide(final IntervalSignals signals, final Knobs current)
            {
                final Decision decision = policy.decide(signals, current);
                decisions.add(decision);
                return decision;
            }

            @Override
            public Objective objective()
            {
                return policy.objective();
            }

            @Override
            public TunerState state()
            {
                return policy.state();
            }
        };
    }

    /** The tuner's path through the run, from the decisions the engine kept (the last 64). */
    String describeTuning(final String engine, final Spindle<?> spindle, final PerformanceReport report)
    {
        final TunerReport tuner = report.tuner();
        if (tuner == null || tuner.state() == null)
        {
            return "";
        }
        final StringBuilder text = new StringBuilder();
        final double[] mapes = tuner.recentDecisions().stream().mapToDouble(d -> d.signals().modelMape()).filter(m -> !Double.isNaN(m))
            .sorted().toArray();
        text.append(String.format(Locale.ROOT, "  %s (%s, %s, %s): %d decisions kept, final state %s, cost model: median interval MAPE %.1f %%, "
                + "%,d batches seen",
            engine, spindle.waitMode(), spindle.dispatch(), report.pinnedWorkers() > 0 ? "pinned" : "unpinned",
            tuner.recentDecisions().size(), tuner.state(), mapes.length == 0 ? Double.NaN : mapes[mapes.length / 2] * 100,
            tuner.modelObservations()));
        final Knobs k = tuner.knobs();
        if (k != null)
        {
            text.append(String.format(Locale.ROOT, ", final knobs: budget %.1f us-complexity, batch target %s, linger %s, %d worker(s), "
                    + "model %.0f ns fixed + %.0f ns/complexity",
                k.complexityBudget(), time(k.targetBatchNanos()), time(k.lingerNanos()), k.activeWorkers(), k.fixedNanosPerBatch(),
                k.nanosPerComplexity()));
        }
        text.append(String.format(Locale.ROOT, "%n    budget per interval:"));
        for (final Decision d : tuner.recentDecisions())
        {
            text.append(String.format(Locale.ROOT, " %.4g", d.after().complexityBudget()));
        }
        text.append(String.format(Locale.ROOT, "%n    workers per interval:"));
        for (final Decision d : tuner.recentDecisions())
        {
            text.append(' ').append(d.after().activeWorkers());
        }
        text.append(String.format(Locale.ROOT, "%n    utilization per interval:"));
        for (final Decision d : tuner.recentDecisions())
        {
            text.append(String.format(Locale.ROOT, " %.2f", d.signals().utilization()));
        }
        final List<Decision> decisions = config.trace && !log.isEmpty() ? List.copyOf(log) : tuner.recentDecisions();
        log = List.of();
        if (config.trace)
        {
            for (final Decision d : decisions)
            {
                text.append(String.format(Locale.ROOT, "%n    [%d] %s: %s", d.interval(), d.state(), d.reason()));
            }
        }
        else if (!decisions.isEmpty())
        {
            final Decision last = decisions.get(decisions.size() - 1);
            text.append(String.format(Locale.ROOT, "%n    last decision [%d] %s: %s", last.interval(), last.state(), last.reason()));
        }
        return text.toString();
    }

    /** {@code describeTuning}'s notes, and a line saying so when the engine's latency figures are sampled. */
    String notes(final String engine, final Spindle<?> spindle, final PerformanceReport report)
    {
        final String tuning = describeTuning(engine, spindle, report);
        if (report.latencySampleEvery() <= 1)
        {
            return tuning;
        }
        final String sampling = String.format(Locale.ROOT, "  %s: the engine's end-to-end percentiles hold one item in %d, weighted %d, "
            + "while items arrived faster than one a microsecond (latency sampling)", engine, report.latencySampleEvery(), report.latencySampleEvery());
        return tuning.isEmpty() ? sampling : tuning + System.lineSeparator() + sampling;
    }

    private static String time(final double nanos)
    {
        return nanos < 1e6 ? String.format(Locale.ROOT, "%.1f us", nanos / 1e3) : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
