package dev.spindle.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * <li>{@code executor-8k}: the same with at most 8,192 items in flight, what Spindle's backpressure
 *     allowed when it staged items outside its ring (ring + staging); Spindle now stages them in its ring
 *     and holds at most 4,096, so this bound is twice Spindle's, kept so figures compare across runs.</li>
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
 * The untimed warm-up is a full pass (100,000 items) by default: after 20,000, {@code --threads} showed
 * the C2 compiler still taking 0.2-0.46 s of CPU during the first measured engine's ~1.3 s run, on a
 * 2-core machine, so whichever engine ran first paid for it.
 * <p>
 * Run: {@code java <spindle.jvm.flags> -cp bench/target/benchmarks.jar dev.spindle.bench.TunerShootout
 * [--items 100000] [--seed 42] [--quick] [--workers 2] [--interval-ms 50] [--small-budget 5]
 * [--large-budget 2000] [--max-batch-items 1024] [--warmup-items 100000] [--engines a,b,..]
 * [--latency-target-ms 5] [--latency-load 0.7] [--latency-rate N] [--latency-seconds 4]
 * [--latency-settle 1] [--latency-warmup 0.5] [--latency-capacity spindle|all] [--latency-engines a,b,..] [--trace] [--threads] [--window N]
 * [--help]}
 */
public final class TunerShootout
{
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: TunerShootout [--items 100000] [--seed 42] [--quick] [--workers 2] [--interval-ms 50] [--small-budget 5]",
        "  [--large-budget 2000] [--max-batch-items 1024] [--warmup-items 100000] [--engines a,b,..]",
        "  [--latency-target-ms 5] [--latency-load 0.7] [--latency-rate N] [--latency-seconds 4] [--latency-settle 1]",
        "  [--latency-warmup 0.5] [--latency-capacity spindle|all] [--latency-engines a,b,..] [--trace] [--threads] [--window N] [--help]",
        "engines: fixed-small, fixed-large, seed-rule, tuner, tuner-latency, executor, executor-8k");
    private TunerShootout()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = parse(args);
        if (options.containsKey("help"))
        {
            System.out.println(USAGE);
            return;
        }
        final boolean quick = options.containsKey("quick");
        final int items = Integer.parseInt(options.getOrDefault("items", quick ? "20000" : "100000"));
        final long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        final int warmupItems = Integer.parseInt(options.getOrDefault("warmup-items", quick ? "5000" : "100000"));
        final List<String> engines = names(options.getOrDefault("engines", "fixed-small,fixed-large,seed-rule,tuner,executor,executor-8k"));
        final List<String> latencyEngines = names(options.getOrDefault("latency-engines",
            "tuner-latency,tuner,seed-rule,fixed-small,fixed-large,executor"));
        final double latencyLoad = Double.parseDouble(options.getOrDefault("latency-load", "0.7"));
        final double latencySeconds = Double.parseDouble(options.getOrDefault("latency-seconds", quick ? "1.5" : "4"));
        final double latencySettle = Double.parseDouble(options.getOrDefault("latency-settle", quick ? "0.5" : "1"));
        final ShootoutConfig config = new ShootoutConfig(options);
        final SpindleEngines spindles = new SpindleEngines(config);
        final ClosedBatch closed = new ClosedBatch(config, spindles);
        final OpenLoopRun openLoop = new OpenLoopRun(config, spindles);

        final SkewedWorkload workload = new SkewedWorkload(items, seed);
        final SkewedWorkload warm = new SkewedWorkload(warmupItems, seed + 1);
        System.out.printf(Locale.ROOT, "TunerShootout: %d cores, %s %s, load average %.2f, args %s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
            loadAverage(), String.join(" ", args));
        System.out.printf(Locale.ROOT, "workload: %,d items, seed %d, lognormal mu %.4f sigma %.1f: mean %.2f us (sample log-sigma %.3f), "
                + "p50 %.1f p99 %.1f max %.1f us, sum %.1f ms; nominal LB on %d workers %.1f ms%n",
            workload.items(), seed, SkewedWorkload.MU, SkewedWorkload.SIGMA, workload.meanMicros(), workload.logSigma(),
            workload.percentileMicros(50), workload.percentileMicros(99), workload.maxNanos() / 1e3, workload.totalNanos() / 1e6,
            config.workers, Math.max((double)workload.totalNanos() / config.workers, workload.maxNanos()) / 1e6);
        System.out.printf(Locale.ROOT, "settings: %d workers, interval %d ms, fixed-small budget %.0f us, fixed-large budget %.0f us, "
                + "maxBatchItems %d, ring %d, complexity = nominal us, one priority%n",
            config.workers, config.interval.toMillis(), config.smallBudget, config.largeBudget, config.maxBatchItems,
            ShootoutConfig.RING_SIZE);

        if (config.window > 0)
        {
            System.out.printf(Locale.ROOT, "DIAGNOSTIC --window %,d: Spindle's producer keeps at most %,d items in flight by parking 1 ms at a time "
                + "(harness flow control), so it never waits in the engine's BLOCK backpressure%n", config.window, config.window);
        }
        System.out.printf(Locale.ROOT, "warm-up: one untimed pass of each engine on %,d items (seed %d)%n", warm.items(), seed + 1);
        for (final String engine : engines)
        {
            closed.run(engine, warm);
        }
        for (final String engine : latencyEngines)
        {
            if (!engines.contains(engine))
            {
                closed.run(engine, warm);
            }
        }

        final List<ClosedResult> results = new ArrayList<>();
        for (final String engine : engines)
        {
            quiesce();
            results.add(closed.run(engine, workload));
        }
        System.out.println();
        System.out.println("closed batch: every item submitted at once (backpressure permitting); times in ms unless marked");
        ShootoutTables.printTable(results);
        for (final ClosedResult r : results)
        {
            if (!r.notes.isEmpty())
            {
                System.out.println(r.notes);
            }
        }
        ShootoutVerdicts.closed(results);

        if (latencyEngines.isEmpty())
        {
            return;
        }
        // Offered load is a share of what Spindle itself sustained here (its best closed-batch items/s), or, with
        // --latency-capacity all, of the best of every engine; the executor's and the nominal figures are printed beside it.
        final boolean fromAll = "all".equals(options.getOrDefault("latency-capacity", "spindle"));
        double capacity = 0;
        double best = 0;
        for (final ClosedResult r : results)
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
        final double nominalCapacity = config.workers * 1e9 / (workload.totalNanos() / (double)workload.items());
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
            openLoop.run(engine, workload, rate, pacedWarmup, 0);
        }
        final List<PacedResult> paced = new ArrayList<>();
        for (final String engine : latencyEngines)
        {
            quiesce();
            paced.add(openLoop.run(engine, workload, rate, latencySeconds, latencySettle));
        }
        ShootoutTables.printPaced(paced, config.latencyTarget);
        for (final PacedResult p : paced)
        {
            if (!p.notes.isEmpty())
            {
                System.out.println(p.notes);
            }
        }
        ShootoutVerdicts.latency(paced, config.latencyTarget, rate);
    }

    static double loadAverage()
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
            if ("quick".equals(name) || "trace".equals(name) || "threads".equals(name) || "help".equals(name))
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
}
