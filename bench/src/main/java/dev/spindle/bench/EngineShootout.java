package dev.spindle.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparative shootout: every engine on every workload in one JVM, one fresh engine after another,
 * each figure printed beside spindle-tuned's. Engines: spindle-tuned (tuneForThroughput), spindle-fixed
 * (budget 200, 256 items), executor and forkjoin (one task per item), seed (the seed's MLWorkerPool ported,
 * {@code dev.spindle.bench.seed}), disruptor (raw sharded Disruptor 4, no-op workload only: the overhead
 * ceiling). Workloads: noop, tiny (~1 µs), skewed (lognormal σ = 1, mean 20 µs), seed100 / seed1000 (the
 * seed's files, cost ∝ its complexity), files (a generated tree of text files through the ML processor, {@link ShootFiles}), paced (skewed at 50 % and 90 % of spindle-tuned's skewed items/s,
 * open loop), scaling (Spindle at 1..workers measured, 8 / 16 / 64 simulated from a recorded run).
 * Each closed run is preceded by an untimed warm-up of the same engine on the same workload; one run each.
 * A Spindle row's notes say its wait mode and its dispatch (who cut the batches: the workers or a cutter thread).
 * <p>
 * Run: {@code bin/spindle bench shootout [--quick] [--out DIR] [--workloads a,b] [--engines a,b] [--workers N]
 * [--seed S] [--items N] [--paced-seconds S] [--interval-ms MS] [--help]}, or {@code java <spindle.jvm.flags> -cp bench/target/benchmarks.jar dev.spindle.bench.EngineShootout ...}.
 * Writes a markdown table to stdout and {@code DIR/shootout.json}.
 */
public final class EngineShootout
{
    static final List<String> ENGINES = List.of("spindle-tuned", "spindle-fixed", "executor", "forkjoin", "seed", "disruptor");
    static final List<String> WORKLOADS = List.of("noop", "tiny", "skewed", "seed100", "seed1000", "files", "paced", "scaling");

    private EngineShootout()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> o = Options.parse(args, "quick", "help");
        if (o.containsKey("help"))
        {
            System.out.println("usage: EngineShootout [--quick] [--out DIR] [--workloads a,b] [--engines a,b] [--workers N] [--seed S] [--items N]"
                + " [--paced-seconds S] [--interval-ms MS]");
            System.out.println("engines: " + String.join(", ", ENGINES) + "; workloads: " + String.join(", ", WORKLOADS));
            return;
        }
        final boolean quick = o.containsKey("quick");
        final int workers = Integer.parseInt(o.getOrDefault("workers", "2"));
        final long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        final Path out = Path.of(o.getOrDefault("out", "bench/target/shootout"));
        final List<String> engines = Options.list(o.getOrDefault("engines", String.join(",", ENGINES)));
        final List<String> workloads = Options.list(o.getOrDefault("workloads", String.join(",", WORKLOADS)));
        final int items = Integer.parseInt(o.getOrDefault("items", "0"));
        if (o.containsKey("interval-ms"))
        {
            ShootEngines.tunerInterval = java.time.Duration.ofMillis(Long.parseLong(o.get("interval-ms")));
        }
        System.out.printf(Locale.ROOT, "# EngineShootout %s%n%n%s, %d cores, %s %s, %d workers, load average %.2f, args: %s%n%n", Instant.now(),
            quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.version"), workers, TunerShootout.loadAverage(), String.join(" ", args));
        AllocMeter.calibrate();

        final List<ShootRow> rows = new ArrayList<>();
        double skewedCapacity = Double.NaN;
        for (final String name : workloads)
        {
            if (name.equals("paced") || name.equals("scaling"))
            {
                continue;
            }
            if (name.equals("files"))
            {
                rows.addAll(files(engines, workers, size(name, quick, items), seed));
                continue;
            }
            final ShootWorkload w = ShootWorkload.of(name, size(name, quick, items), seed);
            final ShootWorkload warm = ShootWorkload.of(name, Math.max(100, size(name, true, items) / 4), seed + 1);
            for (final String engine : engines)
            {
                if (engine.equals("disruptor") && !name.equals("noop"))
                {
                    continue;
                }
                ShootEngines.run(engine, warm, workers);
                quiesce();
                final ShootRow r = ShootEngines.run(engine, w, workers);
                rows.add(r);
                System.err.printf(Locale.ROOT, "  %s %s: %,.0f items/s, mk/LB %.3f, p99 %.1f us, %.1f B/item%n", name, engine, r.itemsPerS(),
                    r.makespanOverLb(), r.p99Us(), r.allocBytesPerItem());
                if (name.equals("skewed") && engine.equals(ShootReport.REFERENCE))
                {
                    skewedCapacity = r.itemsPerS();
                }
            }
        }
        if (workloads.contains("paced"))
        {
            final SkewedWorkload work = new SkewedWorkload(size("skewed", quick, items), seed);
            final double capacity = Double.isNaN(skewedCapacity) ? workers * 1e9 / (work.totalNanos() / (double)work.items()) : skewedCapacity;
            System.out.printf(Locale.ROOT, "paced: capacity %,.0f items/s (%s)%n%n", capacity,
                Double.isNaN(skewedCapacity) ? "nominal, skewed not run" : "spindle-tuned's skewed items/s in this run");
            final double seconds = Double.parseDouble(o.getOrDefault("paced-seconds", quick ? "1.5" : "4"));
            rows.addAll(ShootPaced.run(engines, workers, work, capacity, new double[] {0.5, 0.9}, seconds, Math.min(quick ? 0.5 : 1, seconds / 3)));
        }
        ShootReport.markdown(rows).forEach(System.out::println);
        System.out.println();
        System.out.println("Goals (spindle-tuned, this run):");
        ShootGoals.judge(rows).forEach(System.out::println);
        if (workloads.contains("scaling"))
        {
            System.out.println();
            System.out.println("Scaling, skewed workload, spindle-tuned:");
            ShootScaling.run(ShootWorkload.of("skewed", size("skewed", quick, items), seed), workers).forEach(System.out::println);
        }
        final Path json = out.resolve("shootout.json");
        ShootReport.json(rows, json);
        System.out.printf(Locale.ROOT, "%nwrote %s; load average after %.2f%n", json, TunerShootout.loadAverage());
    }

    /** The real-files workload: one generated tree, each engine warmed on it untimed, then timed. */
    private static List<ShootRow> files(final List<String> engines, final int workers, final int files, final long seed) throws Exception
    {
        final Path dir = java.nio.file.Files.createTempDirectory("spindle-shootout-files");
        final ShootFiles tree = ShootFiles.create(dir, files, seed);
        final List<ShootRow> rows = new ArrayList<>();
        for (final String engine : engines)
        {
            if (tree.run(engine, workers) == null)
            {
                continue;
            }
            quiesce();
            final ShootRow r = tree.run(engine, workers);
            rows.add(r);
            System.err.printf(Locale.ROOT, "  files %s: %,.0f files/s, mk/LB %.3f, p99 %.1f us, %.1f B/item%n", engine, r.itemsPerS(),
                r.makespanOverLb(), r.p99Us(), r.allocBytesPerItem());
        }
        return rows;
    }

    /** Items of a workload: the seed's workloads by name, the synthetic ones by mode unless {@code --items N} (N > 0) says. */
    static int size(final String workload, final boolean quick, final int items)
    {
        if (items > 0 && !workload.startsWith("seed"))
        {
            return items;
        }
        switch (workload)
        {
            case "noop":
                return quick ? 500_000 : 2_000_000;
            case "tiny":
                return quick ? 50_000 : 200_000;
            case "skewed":
                return quick ? 20_000 : 100_000;
            case "files":
                return quick ? 2_000 : 10_000;
            default:
                if (workload.startsWith("seed"))
                {
                    return Integer.parseInt(workload.substring(4));
                }
                throw new IllegalArgumentException("unknown workload " + workload + " " + Arrays.toString(WORKLOADS.toArray()));
        }
    }

    private static void quiesce() throws InterruptedException
    {
        System.gc();
        Thread.sleep(200);
    }
}
