package dev.spindle.bench;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.PerformanceReport;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.TunerReport;
import dev.spindle.engine.WorkItem;
import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.IntervalSignals;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.Objective;
import dev.spindle.engine.tune.TunerPolicy;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.engine.tune.TunerState;
import dev.spindle.engine.tune.TuningPolicy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The adaptive tuner's shootout (issue 3): one closed batch of skewed CPU work ({@link SkewedWorkload},
 * 100,000 lognormal items, σ = 1, mean 20 µs), run in one JVM, one engine after another, each fresh,
 * on the same workers and the engine's default wait mode:
 * <ol>
 * <li>{@code fixed-small}: a fixed complexity budget of a few µs (about one item per batch);</li>
 * <li>{@code fixed-large}: a fixed budget of 2,000 µs (about 100 items per batch);</li>
 * <li>{@code seed-rule}: the seed's optimizeConfiguration() ({@link SeedRulePolicy}) moving the budget;</li>
 * <li>{@code tuner}: Spindle's tuner, {@code tuneForThroughput()};</li>
 * <li>{@code executor}: a plain ThreadPoolExecutor, one task per item, unbounded queue;</li>
 * <li>{@code executor-8k}: the same with at most ringSize + stagingCapacity (8,192) items in flight,
 *     like Spindle's backpressure, so its latency from submit means the same thing as Spindle's.</li>
 * </ol>
 * All items are submitted at the start as fast as backpressure allows. Per engine: makespan (first
 * submit to last outcome), the lower bound LB = max(Σ measured item time / workers, max measured
 * item), makespan / LB, utilization = Σ measured item time / (workers × makespan), items/s, end-to-end
 * p50 / p99 from submit (the engine's own report for Spindle, an HdrHistogram Recorder per task for
 * the executors), batches and mean items per batch, and where the CPU went (producer, cutter, workers,
 * tuner and watchdog, the rest of the JVM, other processes), since on two cores every thread beside the
 * workers takes CPU from them.
 * <p>
 * Then open-loop runs at a fraction (default 70 %) of Spindle's best closed-batch items/s of this run
 * ({@code --latency-capacity all}: of any engine's): Spindle with {@code tuneForLatency(target)} and, at
 * the same load, the other engines. Item i is due at start + i / rate; the producer parks until then
 * (so items leave in small bursts) and latency is measured from the due time into an HdrHistogram
 * Recorder on the completing thread, so a late send or a stalled engine is charged (coordinated
 * omission corrected). Each engine first gets an untimed paced warm-up. The default target, 5 ms, is
 * 250 mean items and 5 of the largest (~1 ms), above this VM's BLOCKING wake-up path (p99 0.76 ms with
 * no-op items, see RESULTS.md) and above one scheduler slice for a preempted thread when four threads
 * share two cores: a target much below that would measure the OS, not the tuner.
 * <p>
 * Diagnostics: {@code --trace} logs every tuner decision (through a recording wrapper around the same
 * policy the builder would make), {@code --threads} lists every JVM thread's CPU per run, and
 * {@code --window N} makes Spindle's producer keep at most N items in flight by parking, so it never
 * waits inside the engine's BLOCK backpressure (not the setting: it isolates that cost).
 * <p>
 * Run: {@code java <spindle.jvm.flags> -cp bench/target/benchmarks.jar dev.spindle.bench.TunerShootout
 * [--items 100000] [--seed 42] [--quick] [--workers 2] [--interval-ms 50] [--small-budget 5]
 * [--large-budget 2000] [--max-batch-items 1024] [--warmup-items 20000] [--engines a,b,..]
 * [--latency-target-ms 5] [--latency-load 0.7] [--latency-rate N] [--latency-seconds 4]
 * [--latency-settle 1] [--latency-warmup 0.5] [--latency-capacity spindle|all] [--latency-engines a,b,..] [--trace] [--threads] [--window N]}
 */
public final class TunerShootout
{
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Spindle's default ring size, and its default staging capacity (= ring size). */
    private static final int RING_SIZE = 4096;

    private final int workers;
    private final Duration interval;
    private final double smallBudget;
    private final double largeBudget;
    private final int maxBatchItems;
    private final Duration latencyTarget;
    private final boolean trace;
    private final int window;
    /** With --trace: every decision of the current run (the engine's report keeps only the last 64). */
    private List<Decision> log = List.of();

    private TunerShootout(final Map<String, String> options)
    {
        this.workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        this.interval = Duration.ofMillis(Long.parseLong(options.getOrDefault("interval-ms", "50")));
        this.smallBudget = Double.parseDouble(options.getOrDefault("small-budget", "5"));
        this.largeBudget = Double.parseDouble(options.getOrDefault("large-budget", "2000"));
        this.maxBatchItems = Integer.parseInt(options.getOrDefault("max-batch-items", "1024"));
        this.latencyTarget = Duration.ofNanos(Math.round(Double.parseDouble(options.getOrDefault("latency-target-ms", "5")) * 1e6));
        this.trace = options.containsKey("trace");
        this.window = Integer.parseInt(options.getOrDefault("window", "0"));
        Cpu.listThreads = options.containsKey("threads");
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final Map<String, String> options = parse(args);
        final boolean quick = options.containsKey("quick");
        final int items = Integer.parseInt(options.getOrDefault("items", quick ? "20000" : "100000"));
        final long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        final int warmupItems = Integer.parseInt(options.getOrDefault("warmup-items", quick ? "5000" : "20000"));
        final List<String> engines = names(options.getOrDefault("engines", "fixed-small,fixed-large,seed-rule,tuner,executor,executor-8k"));
        final List<String> latencyEngines = names(options.getOrDefault("latency-engines",
            "tuner-latency,tuner,seed-rule,fixed-small,fixed-large,executor"));
        final double latencyLoad = Double.parseDouble(options.getOrDefault("latency-load", "0.7"));
        final double latencySeconds = Double.parseDouble(options.getOrDefault("latency-seconds", quick ? "1.5" : "4"));
        final double latencySettle = Double.parseDouble(options.getOrDefault("latency-settle", quick ? "0.5" : "1"));
        final TunerShootout shootout = new TunerShootout(options);

        final SkewedWorkload workload = new SkewedWorkload(items, seed);
        final SkewedWorkload warm = new SkewedWorkload(warmupItems, seed + 1);
        System.out.printf(Locale.ROOT, "TunerShootout: %d cores, %s %s, load average %.2f, args %s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
            loadAverage(), String.join(" ", args));
        System.out.printf(Locale.ROOT, "workload: %,d items, seed %d, lognormal mu %.4f sigma %.1f: mean %.2f us (sample log-sigma %.3f), "
                + "p50 %.1f p99 %.1f max %.1f us, sum %.1f ms; nominal LB on %d workers %.1f ms%n",
            workload.items(), seed, SkewedWorkload.MU, SkewedWorkload.SIGMA, workload.meanMicros(), workload.logSigma(),
            workload.percentileMicros(50), workload.percentileMicros(99), workload.maxNanos() / 1e3, workload.totalNanos() / 1e6,
            shootout.workers, Math.max((double)workload.totalNanos() / shootout.workers, workload.maxNanos()) / 1e6);
        System.out.printf(Locale.ROOT, "settings: %d workers, interval %d ms, fixed-small budget %.0f us, fixed-large budget %.0f us, "
                + "maxBatchItems %d, ring %d, complexity = nominal us, one priority%n",
            shootout.workers, shootout.interval.toMillis(), shootout.smallBudget, shootout.largeBudget, shootout.maxBatchItems, RING_SIZE);

        if (shootout.window > 0)
        {
            System.out.printf(Locale.ROOT, "DIAGNOSTIC --window %,d: Spindle's producer keeps at most %,d items in flight by parking 1 ms at a time "
                + "(harness flow control), so it never waits in the engine's BLOCK backpressure%n", shootout.window, shootout.window);
        }
        System.out.printf(Locale.ROOT, "warm-up: one untimed pass of each engine on %,d items (seed %d)%n", warm.items(), seed + 1);
        for (final String engine : engines)
        {
            shootout.closed(engine, warm);
        }
        for (final String engine : latencyEngines)
        {
            if (!engines.contains(engine))
            {
                shootout.closed(engine, warm);
            }
        }

        final List<Result> results = new ArrayList<>();
        for (final String engine : engines)
        {
            quiesce();
            results.add(shootout.closed(engine, workload));
        }
        System.out.println();
        System.out.println("closed batch: every item submitted at once (backpressure permitting); times in ms unless marked");
        printTable(results);
        for (final Result r : results)
        {
            if (!r.notes.isEmpty())
            {
                System.out.println(r.notes);
            }
        }
        verdicts(results);

        if (latencyEngines.isEmpty())
        {
            return;
        }
        // Offered load is a share of what Spindle itself sustained here (its best closed-batch items/s), or, with
        // --latency-capacity all, of the best of every engine; the executor's and the nominal figures are printed beside it.
        final boolean fromAll = "all".equals(options.getOrDefault("latency-capacity", "spindle"));
        double capacity = 0;
        double best = 0;
        for (final Result r : results)
        {
            best = Math.max(best, r.itemsPerSecond());
            if (fromAll || !r.name.startsWith("executor"))
            {
                capacity = Math.max(capacity, r.itemsPerSecond());
            }
        }
        final long rate = options.containsKey("latency-rate")
            ? Long.parseLong(options.get("latency-rate"))
            : Math.round(latencyLoad * capacity);
        final double nominalCapacity = shootout.workers * 1e9 / (workload.totalNanos() / (double)workload.items());
        System.out.println();
        if (capacity > 0)
        {
            System.out.printf(Locale.ROOT, "open loop: %,d items/s = %.0f %% of %s's best closed-batch %,.0f items/s (%.0f %% of the best of all "
                    + "engines, %,.0f items/s; %.0f %% of the nominal work capacity %,.0f items/s), %.1f s (first %.1f s settling), latency from "
                    + "the intended send time, us%n",
                rate, 100.0 * rate / capacity, fromAll ? "any engine" : "Spindle", capacity, 100.0 * rate / best, best,
                100.0 * rate / nominalCapacity, nominalCapacity, latencySeconds, latencySettle);
        }
        else
        {
            System.out.printf(Locale.ROOT, "open loop: %,d items/s (%.0f %% of the nominal work capacity %,.0f items/s), %.1f s (first %.1f s "
                + "settling), latency from the intended send time, us%n", rate, 100.0 * rate / nominalCapacity, nominalCapacity, latencySeconds,
                latencySettle);
        }
        final double pacedWarmup = Double.parseDouble(options.getOrDefault("latency-warmup", quick ? "0.25" : "0.5"));
        System.out.printf(Locale.ROOT, "paced warm-up: %.2f s of each engine at this rate, untimed%n", pacedWarmup);
        for (final String engine : latencyEngines)
        {
            shootout.paced(engine, workload, rate, pacedWarmup, 0);
        }
        final List<Paced> paced = new ArrayList<>();
        for (final String engine : latencyEngines)
        {
            quiesce();
            paced.add(shootout.paced(engine, workload, rate, latencySeconds, latencySettle));
        }
        printPaced(paced, shootout.latencyTarget);
        for (final Paced p : paced)
        {
            if (!p.notes.isEmpty())
            {
                System.out.println(p.notes);
            }
        }
        for (final Paced p : paced)
        {
            if ("tuner-latency".equals(p.name))
            {
                final long target = shootout.latencyTarget.toNanos();
                System.out.printf(Locale.ROOT, "VERDICT latency: tuneForLatency(%s) at %,d items/s: p99 %.0f us (all items), %.0f us (after settling) "
                        + "vs target %.0f us: %s (all), %s (after settling)%n",
                    shootout.latencyTarget, rate, p.all.getValueAtPercentile(99) / 1e3,
                    p.settled.getValueAtPercentile(99) / 1e3, target / 1e3,
                    p.all.getValueAtPercentile(99) < target ? "MET" : "MISSED",
                    p.settled.getValueAtPercentile(99) < target ? "MET" : "MISSED");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // closed batch

    private Result closed(final String engine, final SkewedWorkload workload) throws InterruptedException
    {
        final double loadBefore = loadAverage();
        final Result result = engine.startsWith("executor") ? closedExecutor(engine, workload) : closedSpindle(engine, workload);
        result.loadBefore = loadBefore;
        return result;
    }

    private Result closedSpindle(final String engine, final SkewedWorkload workload)
    {
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final LongAdder notSucceeded = new LongAdder();
        final OutcomeListener listener = (item, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED)
            {
                notSucceeded.increment();
            }
            meter.stripe().completed(System.nanoTime());
        };
        final Spindle spindle = builder(engine, meter, listener).build().start();
        final WorkItem item = new WorkItem().key("skewed");
        final int n = workload.items();
        final Cpu.Start cpu = Cpu.start();
        final long first = System.nanoTime();
        long completedSeen = 0;
        for (int i = 0; i < n; i++)
        {
            if (window > 0 && i - completedSeen >= window)
            {
                // Diagnostic only (--window): the harness keeps at most `window` items in flight by parking, so the
                // producer never waits inside the engine's BLOCK backpressure.
                completedSeen = meter.completed();
                while (i - completedSeen >= window)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    completedSeen = meter.completed();
                }
            }
            if (!spindle.submit(item.id(i).sizeBytes(workload.costNanos(i))))
            {
                throw new IllegalStateException(engine + " refused item " + i);
            }
        }
        // Wait for the last outcome before closing, so the engine's threads are still there to be asked
        // for their CPU time; the makespan ends at the last outcome either way.
        awaitCompleted(meter, n);
        final Cpu used = cpu.stop(threadPrefix(engine) + "-");
        spindle.close();
        final PerformanceReport report = spindle.report();
        check(engine, n, meter, notSucceeded.sum());
        final Result r = new Result(engine, workers, n, meter.lastCompletionNanos() - first, meter.busyNanos(), meter.maxItemNanos(),
            workload.totalNanos(), workload.maxNanos(), report.endToEnd().p50Nanos(), report.endToEnd().p99Nanos(), report.batches(),
            report.meanItemsPerBatch());
        r.cpu = used;
        r.notes = describeTuning(engine, spindle, report);
        return r;
    }

    private Result closedExecutor(final String engine, final SkewedWorkload workload) throws InterruptedException
    {
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final Recorder latency = new Recorder(HIGHEST_NANOS, 3);
        final int n = workload.items();
        final long[] submitted = new long[n];
        final Semaphore permits = "executor-8k".equals(engine) ? new Semaphore(2 * RING_SIZE) : null;
        if (!"executor".equals(engine) && permits == null)
        {
            throw new IllegalArgumentException("unknown engine " + engine);
        }
        final ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            named(threadPrefix(engine) + "-worker-"));
        executor.prestartAllCoreThreads();
        final Cpu.Start cpu = Cpu.start();
        final long first = System.nanoTime();
        for (int i = 0; i < n; i++)
        {
            if (permits != null)
            {
                permits.acquireUninterruptibly();
            }
            final int id = i;
            final long cost = workload.costNanos(i);
            submitted[i] = System.nanoTime();
            executor.execute(() ->
            {
                final SkewedWorkload.Stripe stripe = meter.stripe();
                stripe.busy(SkewedWorkload.burn(cost));
                final long now = System.nanoTime();
                latency.recordValue(Math.min(now - submitted[id], HIGHEST_NANOS));
                stripe.completed(now);
                if (permits != null)
                {
                    permits.release();
                }
            });
        }
        awaitCompleted(meter, n);
        final Cpu used = cpu.stop(threadPrefix(engine) + "-");
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.MINUTES))
        {
            throw new IllegalStateException(engine + " did not finish");
        }
        check(engine, n, meter, 0);
        final Histogram h = latency.getIntervalHistogram();
        final Result r = new Result(engine, workers, n, meter.lastCompletionNanos() - first, meter.busyNanos(), meter.maxItemNanos(),
            workload.totalNanos(), workload.maxNanos(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), n, 1.0);
        r.cpu = used;
        return r;
    }

    private SpindleBuilder builder(final String engine, final SkewedWorkload.Meter meter, final OutcomeListener listener)
    {
        final SpindleBuilder b = Spindle.builder(SkewedWorkload.processor(meter))
            .listener(listener)
            .complexityScorer(SkewedWorkload.MICROS)
            .priorityScorer(SkewedWorkload.FLAT)
            .workers(workers)
            .ringSize(RING_SIZE)
            .maxBatchItems(maxBatchItems)
            .intervalLength(interval)
            .singleProducer(true)
            .threadNamePrefix(threadPrefix(engine));
        switch (engine)
        {
            case "fixed-small":
                return b.complexityBudget(smallBudget);
            case "fixed-large":
                return b.complexityBudget(largeBudget);
            case "seed-rule":
                return b.complexityBudget(SeedRulePolicy.START_THRESHOLD).tuningPolicy(logged(new SeedRulePolicy(workers, Duration.ofMillis(1))));
            case "tuner":
                // --trace plugs in the same policy tuneForThroughput() builds (defaults, 1..pool workers), wrapped to log every decision
                return trace ? b.tuningPolicy(logged(new TunerPolicy(TunerSettings.defaults(Objective.THROUGHPUT, 0, workers))))
                    : b.tuneForThroughput();
            case "tuner-latency":
                return trace ? b.tuningPolicy(logged(new TunerPolicy(TunerSettings.defaults(Objective.LATENCY, latencyTarget.toNanos(), workers))))
                    : b.tuneForLatency(latencyTarget);
            default:
                throw new IllegalArgumentException("unknown engine " + engine
                    + " (fixed-small, fixed-large, seed-rule, tuner, tuner-latency, executor, executor-8k)");
        }
    }

    private TuningPolicy logged(final TuningPolicy policy)
    {
        if (!trace)
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

    private static void check(final String engine, final int n, final SkewedWorkload.Meter meter, final long notSucceeded)
    {
        if (meter.completed() != n || meter.burned() != n || notSucceeded != 0)
        {
            throw new IllegalStateException(engine + ": " + meter.completed() + " outcomes, " + meter.burned() + " items burned, "
                + notSucceeded + " not SUCCEEDED, for " + n + " items");
        }
    }

    /** The tuner's path through the run, from the decisions the engine kept (the last 64). */
    private String describeTuning(final String engine, final Spindle spindle, final PerformanceReport report)
    {
        final TunerReport tuner = report.tuner();
        if (tuner == null || tuner.state() == null)
        {
            return "";
        }
        final StringBuilder text = new StringBuilder();
        final double[] mapes = tuner.recentDecisions().stream().mapToDouble(d -> d.signals().modelMape()).filter(m -> !Double.isNaN(m))
            .sorted().toArray();
        text.append(String.format(Locale.ROOT, "  %s (%s, %s): %d decisions kept, final state %s, cost model: median interval MAPE %.1f %%, "
                + "%,d batches seen",
            engine, spindle.waitMode(), spindle.pinningDecision().startsWith("pinning") ? "pinned" : "unpinned",
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
        final List<Decision> decisions = trace && !log.isEmpty() ? List.copyOf(log) : tuner.recentDecisions();
        log = List.of();
        if (trace)
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

    // ---------------------------------------------------------------------------------------------
    // open loop

    private Paced paced(final String engine, final SkewedWorkload workload, final long rate, final double seconds, final double settle)
        throws InterruptedException
    {
        final int total = (int)Math.min(Integer.MAX_VALUE, Math.round(rate * seconds));
        final int firstSettled = (int)Math.min(total, Math.round(rate * settle));
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final Recorder all = new Recorder(HIGHEST_NANOS, 3);
        final Recorder settled = new Recorder(HIGHEST_NANOS, 3);
        final Histogram sendLag = new Histogram(HIGHEST_NANOS, 3);
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        final double period = 1e9 / rate;
        final Paced result = new Paced(engine, rate, total, all, settled, sendLag);

        final LongAdder notSucceeded = new LongAdder();
        final Sender sender;
        Spindle spindle = null;
        ThreadPoolExecutor executor = null;
        if ("executor".equals(engine))
        {
            final ThreadPoolExecutor ex = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named(threadPrefix(engine) + "-worker-"));
            ex.prestartAllCoreThreads();
            executor = ex;
            sender = (id, cost) -> ex.execute(() ->
            {
                final SkewedWorkload.Stripe stripe = meter.stripe();
                stripe.busy(SkewedWorkload.burn(cost));
                final long now = System.nanoTime();
                record(all, settled, firstSettled, id, now - (start + (long)(id * period)));
                stripe.completed(now);
            });
        }
        else
        {
            final OutcomeListener listener = (item, outcome, r, reason) ->
            {
                final long now = System.nanoTime();
                if (outcome != Outcome.SUCCEEDED)
                {
                    notSucceeded.increment();
                }
                final int id = (int)item.id();
                record(all, settled, firstSettled, id, now - (start + (long)(id * period)));
                meter.stripe().completed(now);
            };
            final Spindle s = builder(engine, meter, listener).build().start();
            spindle = s;
            final WorkItem item = new WorkItem().key("paced");
            sender = (id, cost) ->
            {
                if (!s.submit(item.id(id).sizeBytes(cost)))
                {
                    throw new IllegalStateException(engine + " refused item " + id);
                }
            };
        }

        final Cpu.Start cpu = Cpu.start();
        for (int id = 0; id < total; id++)
        {
            final long intended = start + (long)(id * period);
            long now = System.nanoTime();
            while (now - intended < 0)
            {
                // Sleep to the intended time (parkNanos overshoots by tens of µs here, so items leave in small
                // bursts); every late send is charged to the engine's latency, which is measured from `intended`.
                LockSupport.parkNanos(intended - now);
                now = System.nanoTime();
            }
            sendLag.recordValue(Math.min(now - intended, HIGHEST_NANOS));
            sender.send(id, workload.costNanos(id));
        }
        final long lastSent = System.nanoTime();
        awaitCompleted(meter, total);
        result.cpu = cpu.stop(threadPrefix(engine) + "-");
        if (spindle != null)
        {
            spindle.close();
            final PerformanceReport report = spindle.report();
            result.engineP99 = report.endToEnd().p99Nanos();
            result.batches = report.batches();
            result.meanBatchItems = report.meanItemsPerBatch();
            result.notes = describeTuning(engine, spindle, report);
        }
        else
        {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.MINUTES))
            {
                throw new IllegalStateException(engine + " did not finish");
            }
        }
        check(engine, total, meter, notSucceeded.sum());
        result.utilization = meter.busyNanos() / ((double)workers * Math.max(1, meter.lastCompletionNanos() - start));
        result.busy = meter.busyNanos();
        result.inflation = meter.busyNanos() / (double)nominal(workload, total);
        result.sendSpan = lastSent - start;
        result.collect();
        return result;
    }

    private static long nominal(final SkewedWorkload workload, final int items)
    {
        long total = 0;
        for (int i = 0; i < items; i++)
        {
            total += workload.costNanos(i);
        }
        return total;
    }

    /** Parks (1 ms at a time, so the waiting costs the workers nothing) until {@code n} outcomes are counted. */
    private static void awaitCompleted(final SkewedWorkload.Meter meter, final long n)
    {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (meter.completed() < n)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("only " + meter.completed() + " of " + n + " outcomes after 5 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Thread names of one engine start with this and a dash; no engine's prefix starts another's. */
    private static String threadPrefix(final String engine)
    {
        return "ts[" + engine + "]";
    }

    private static ThreadFactory named(final String prefix)
    {
        final AtomicInteger next = new AtomicInteger();
        return r ->
        {
            final Thread thread = new Thread(r, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void record(final Recorder all, final Recorder settled, final int firstSettled, final int id, final long nanos)
    {
        final long v = Math.max(0, Math.min(nanos, HIGHEST_NANOS));
        all.recordValue(v);
        if (id >= firstSettled)
        {
            settled.recordValue(v);
        }
    }

    @FunctionalInterface
    private interface Sender
    {
        void send(int id, long costNanos);
    }

    // ---------------------------------------------------------------------------------------------
    // output

    private static void printTable(final List<Result> results)
    {
        System.out.printf(Locale.ROOT, "%-12s %9s %8s %7s %9s %6s %6s %10s %9s %9s %8s %9s %5s%n",
            "engine", "makespan", "LB", "mk/LB", "mk/LBnom", "util", "infl", "items/s", "e2e p50", "e2e p99", "batches", "items/b", "load");
        for (final Result r : results)
        {
            System.out.printf(Locale.ROOT, "%-12s %9.1f %8.1f %7.4f %9.4f %6.4f %6.4f %,10.0f %9.2f %9.2f %,8d %9.2f %5.2f%n",
                r.name, r.makespan / 1e6, r.lowerBound() / 1e6, r.ratio(), r.nominalRatio(), r.utilization(), r.inflation(),
                r.itemsPerSecond(), r.p50 / 1e6, r.p99 / 1e6, r.batches, r.meanBatchItems, r.loadBefore);
        }
        System.out.println("  LB = max(sum measured item time / workers, max measured item); LBnom the same from nominal costs;");
        System.out.println("  util = sum measured / (workers x makespan); infl = sum measured / sum nominal (preemption inside items);");
        System.out.println("  e2e from the actual submit; load = 1-min load average before the run");
        printCpu(results.stream().map(r -> new Named(r.name, r.cpu, r.busy)).toList());
    }

    private record Named(String name, Cpu cpu, long busy)
    {
    }

    private static void printCpu(final List<Named> rows)
    {
        System.out.printf(Locale.ROOT, "%-14s %8s %9s %8s %9s %9s %9s %9s %12s%n", "CPU, ms", "wall", "producer", "cutter", "workers",
            "tuner+wd", "jvm other", "others*", "wkr CPU/busy");
        for (final Named n : rows)
        {
            final Cpu c = n.cpu;
            System.out.printf(Locale.ROOT, "%-14s %8.1f %9.1f %8.1f %9.1f %9.1f %9.0f %9.2f %12.3f%n", n.name, c.wallNanos() / 1e6,
                c.producerNanos() / 1e6, c.cutterNanos() / 1e6, c.workersNanos() / 1e6, c.serviceNanos() / 1e6, c.jvmOtherNanos() / 1e6,
                c.otherProcessCores(), n.busy == 0 ? Double.NaN : (double)c.workersNanos() / n.busy);
        }
        System.out.println("  * cores used by other processes during the run (the machine is shared); wkr CPU/busy = worker threads' CPU time /");
        System.out.println("    measured item time (below 1: items were preempted mid-loop, their wall time counted as work)");
    }

    private static void verdicts(final List<Result> results)
    {
        final Map<String, Result> by = new LinkedHashMap<>();
        for (final Result r : results)
        {
            by.put(r.name, r);
        }
        final Result tuner = by.get("tuner");
        if (tuner == null)
        {
            return;
        }
        System.out.printf(Locale.ROOT, "VERDICT makespan <= 1.02 x LB: %.4f -> %s (vs nominal LB %.4f)%n", tuner.ratio(),
            tuner.ratio() <= 1.02 ? "MET" : "MISSED", tuner.nominalRatio());
        System.out.printf(Locale.ROOT, "VERDICT utilization >= 0.98: %.4f -> %s%n", tuner.utilization(), tuner.utilization() >= 0.98 ? "MET" : "MISSED");
        for (final String other : List.of("fixed-small", "fixed-large", "seed-rule", "executor", "executor-8k"))
        {
            final Result o = by.get(other);
            if (o == null)
            {
                continue;
            }
            final double throughput = tuner.itemsPerSecond() / o.itemsPerSecond() - 1;
            final double p99 = tuner.p99 / o.p99 - 1;
            final boolean better = throughput > 0 && p99 <= 0.05 || p99 < 0 && throughput >= -0.05;
            System.out.printf(Locale.ROOT, "%s tuner vs %-11s: items/s %+.1f %%, e2e p99 %+.1f %% -> %s%n",
                other.startsWith("fixed") ? "VERDICT" : "(info) ", other, throughput * 100, p99 * 100,
                better ? "better on one, within 5 % on the other" : "NOT better on one while within 5 % on the other");
        }
    }

    private static void printPaced(final List<Paced> paced, final Duration target)
    {
        System.out.printf(Locale.ROOT, "%-14s %9s %8s %9s %9s %9s %10s %12s %11s %10s %6s %6s %8s %7s%n",
            "engine", "items", "p50", "p99", "p99.9", "max", "p99 settled", "engine p99*", "send lag p99", "vs target", "util", "infl",
            "batches", "items/b");
        for (final Paced p : paced)
        {
            System.out.printf(Locale.ROOT, "%-14s %,9d %8.1f %9.1f %9.1f %9.1f %10.1f %12s %11.1f %10s %6.3f %6.3f %8s %7.2f%n",
                p.name, p.items, p.all.getValueAtPercentile(50) / 1e3, p.all.getValueAtPercentile(99) / 1e3,
                p.all.getValueAtPercentile(99.9) / 1e3, p.all.getMaxValue() / 1e3, p.settled.getValueAtPercentile(99) / 1e3,
                p.engineP99 < 0 ? "-" : String.format(Locale.ROOT, "%.1f", p.engineP99 / 1e3), p.sendLag.getValueAtPercentile(99) / 1e3,
                String.format(Locale.ROOT, "%.2fx", p.all.getValueAtPercentile(99) / (double)target.toNanos()), p.utilization, p.inflation,
                p.batches < 0 ? "-" : String.format(Locale.ROOT, "%,d", p.batches), p.batches < 0 ? 1.0 : p.meanBatchItems);
        }
        System.out.println("  * the engine's own end-to-end p99, from the actual submit, all items; util = sum measured item time / (workers x span)");
        printCpu(paced.stream().map(p -> new Named(p.name, p.cpu, p.busy)).toList());
    }

    private static String time(final double nanos)
    {
        return nanos < 1e6 ? String.format(Locale.ROOT, "%.1f us", nanos / 1e3) : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static double loadAverage()
    {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void quiesce() throws InterruptedException
    {
        System.gc();
        Thread.sleep(300);
    }

    private static List<String> names(final String list)
    {
        final List<String> names = new ArrayList<>();
        for (final String name : list.split(","))
        {
            if (!name.isBlank())
            {
                names.add(name.trim());
            }
        }
        return names;
    }

    private static Map<String, String> parse(final String[] args)
    {
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options are --name [value]");
            }
            final String name = args[i].substring(2);
            if ("quick".equals(name) || "trace".equals(name) || "threads".equals(name))
            {
                options.put(name, "true");
            }
            else if (i + 1 < args.length)
            {
                options.put(name, args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return options;
    }

    /**
     * Where the CPU went during a run: the producer (the thread running the shootout), the engine's
     * threads by role (from ThreadMXBean, sampled before the engine stops), the rest of this JVM (GC,
     * JIT: this process's CPU from /proc/self/stat minus the threads above) and other processes (the
     * whole machine's busy time from /proc/stat minus this process's). Linux only; NaN elsewhere.
     */
    private record Cpu(long wallNanos, long producerNanos, long cutterNanos, long workersNanos, long serviceNanos,
        double jvmOtherNanos, double otherProcessCores)
    {
        static final Cpu NONE = new Cpu(0, 0, 0, 0, 0, Double.NaN, Double.NaN);
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ: 100 on Linux

        /** Set by --threads: print every thread of this JVM (native ones included) that used 10 ms or more in a run. */
        static boolean listThreads;

        static Start start()
        {
            return new Start(System.nanoTime(), MX.getCurrentThreadCpuTime(), procTicks(), listThreads ? taskTicks() : Map.of());
        }

        record Start(long wall, long producer, long[] ticks, Map<String, Long> tasks)
        {
            Cpu stop(final String prefix)
            {
                if (listThreads)
                {
                    final Map<String, Long> now = taskTicks();
                    final StringBuilder line = new StringBuilder("  threads (ms of CPU, >= 10):");
                    now.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue() - tasks.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() >= 1)
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                        .forEach(e -> line.append(' ').append(e.getKey().substring(e.getKey().indexOf(' ') + 1)).append('=')
                            .append(Math.round(e.getValue() * NANOS_PER_TICK / 1e6)));
                    System.out.println(line);
                }
                final long wallEnd = System.nanoTime();
                final long producerEnd = MX.getCurrentThreadCpuTime();
                long cutter = 0;
                long workersCpu = 0;
                long service = 0;
                for (final long id : MX.getAllThreadIds())
                {
                    final ThreadInfo info = MX.getThreadInfo(id);
                    final long t = MX.getThreadCpuTime(id);
                    if (info == null || t < 0)
                    {
                        continue;
                    }
                    final String name = info.getThreadName();
                    if (name.startsWith("spindle-"))
                    {
                        service += t; // Agrona's AgentRunner renames the tuner and watchdog threads to their role names
                        continue;
                    }
                    if (!name.startsWith(prefix))
                    {
                        continue;
                    }
                    final String role = name.substring(prefix.length());
                    if (role.startsWith("cutter"))
                    {
                        cutter += t;
                    }
                    else if (role.startsWith("worker"))
                    {
                        workersCpu += t;
                    }
                    else
                    {
                        service += t; // tuner, watchdog
                    }
                }
                final long[] ticksEnd = procTicks();
                final double wallNanos = wallEnd - wall;
                double jvmOther = Double.NaN;
                double others = Double.NaN;
                if (ticks != null && ticksEnd != null)
                {
                    final double self = (ticksEnd[1] - ticks[1]) * NANOS_PER_TICK;
                    final double machine = (ticksEnd[0] - ticks[0]) * NANOS_PER_TICK;
                    jvmOther = self - (producerEnd - producer) - cutter - workersCpu - service;
                    others = (machine - self) / wallNanos;
                }
                return new Cpu(wallEnd - wall, producerEnd - producer, cutter, workersCpu, service, jvmOther, others);
            }
        }

        /** "tid name" → utime + stime ticks of every thread of this process; empty when /proc cannot be read. */
        private static Map<String, Long> taskTicks()
        {
            final Map<String, Long> ticks = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task")))
            {
                for (final Path task : (Iterable<Path>)tasks::iterator)
                {
                    try
                    {
                        final String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                        final String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        final String[] g = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                        ticks.put(task.getFileName() + " " + name, Long.parseLong(g[14 - 3]) + Long.parseLong(g[15 - 3]));
                    }
                    catch (final IOException | RuntimeException e)
                    {
                        // the thread ended meanwhile
                    }
                }
            }
            catch (final IOException | RuntimeException e)
            {
                return Map.of();
            }
            return ticks;
        }

        /** {machine busy ticks, this process's ticks}, or null when /proc cannot be read. */
        private static long[] procTicks()
        {
            try
            {
                final String stat = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
                final String[] f = stat.trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                final long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
                final String self = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
                final String[] g = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
                // after the command: state(3) ppid(4) ... utime(14) stime(15)
                final long own = Long.parseLong(g[14 - 3]) + Long.parseLong(g[15 - 3]);
                return new long[] {busy, own};
            }
            catch (final IOException | RuntimeException e)
            {
                return null;
            }
        }
    }

    private static final class Result
    {
        final String name;
        final int workers;
        final int items;
        final long makespan;
        final long busy;
        final long maxItem;
        final long nominalTotal;
        final long nominalMax;
        final double p50;
        final double p99;
        final long batches;
        final double meanBatchItems;
        String notes = "";
        double loadBefore;
        Cpu cpu = Cpu.NONE;

        Result(final String name, final int workers, final int items, final long makespan, final long busy, final long maxItem,
            final long nominalTotal, final long nominalMax, final double p50, final double p99, final long batches,
            final double meanBatchItems)
        {
            this.name = name;
            this.workers = workers;
            this.items = items;
            this.makespan = makespan;
            this.busy = busy;
            this.maxItem = maxItem;
            this.nominalTotal = nominalTotal;
            this.nominalMax = nominalMax;
            this.p50 = p50;
            this.p99 = p99;
            this.batches = batches;
            this.meanBatchItems = meanBatchItems;
        }

        double lowerBound()
        {
            return Math.max((double)busy / workers, maxItem);
        }

        double ratio()
        {
            return makespan / lowerBound();
        }

        double nominalRatio()
        {
            return makespan / Math.max((double)nominalTotal / workers, nominalMax);
        }

        double utilization()
        {
            return busy / ((double)workers * makespan);
        }

        double inflation()
        {
            return (double)busy / nominalTotal;
        }

        double itemsPerSecond()
        {
            return items * 1e9 / makespan;
        }
    }

    private static final class Paced
    {
        final String name;
        final long rate;
        final int items;
        final Recorder allRecorder;
        final Recorder settledRecorder;
        final Histogram sendLag;
        Histogram all;
        Histogram settled;
        long engineP99 = -1;
        double utilization;
        long sendSpan;
        double inflation;
        long busy;
        long batches = -1;
        double meanBatchItems;
        Cpu cpu = Cpu.NONE;
        String notes = "";

        Paced(final String name, final long rate, final int items, final Recorder all, final Recorder settled, final Histogram sendLag)
        {
            this.name = name;
            this.rate = rate;
            this.items = items;
            this.allRecorder = all;
            this.settledRecorder = settled;
            this.sendLag = sendLag;
        }

        void collect()
        {
            all = allRecorder.getIntervalHistogram();
            settled = settledRecorder.getIntervalHistogram();
        }
    }
}
