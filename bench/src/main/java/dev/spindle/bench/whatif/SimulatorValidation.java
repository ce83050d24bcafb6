package dev.spindle.bench.whatif;

import dev.spindle.bench.TextTree;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.replay.BusyWorkload;
import dev.spindle.journal.replay.RunStats;
import dev.spindle.journal.replay.SimulationConfig;
import dev.spindle.journal.replay.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The what-if validation that can fail: for each pair of settings, real runs at A and at B; the
 * simulator predicts B's makespan from A's recording (and A's from B's), and each prediction is
 * compared with the measured run. Skewed CPU work ({@link BusyWorkload}, 2 cores' worth of busy
 * loops, in this JVM after a warm-up) for the workers, budget ×4, linger, tuner and open-loop 50 % ↔ 90 %
 * pairs (the latter also compare the end-to-end p99); the files
 * workload ({@code spindle run} of a generated text tree, ML processor, no cache, a JVM per run, as a
 * user runs it) for the workers pair, the only one its command line sets. Each skewed setting runs a
 * short unrecorded warm-up before its recorded run: the simulator carries a recording's JIT time into
 * its prediction (a fresh JVM would pay it again), which runs made one after another in this JVM do not. Prints recorded, predicted,
 * measured and error per prediction, then the median and worst |error| per pair, and what the
 * simulator estimated from each recording.
 * <p>
 * {@code java $FLAGS -cp bench/target/benchmarks.jar dev.spindle.bench.whatif.SimulatorValidation
 * [--reps 3] [--workloads skewed,files] [--items 40000] [--files 8000] [--tree DIR]}
 */
public final class SimulatorValidation
{
    private record Pair(String workload, Setting a, Setting b)
    {
    }

    private record Prediction(String workload, String from, String to, long recorded, long predicted, long measured, long predictedP99,
        long measuredP99, boolean openLoop)
    {
        double error()
        {
            return (double)predicted / measured - 1;
        }

        double p99Error()
        {
            return (double)predictedP99 / measuredP99 - 1;
        }

        String pair()
        {
            return workload + ": " + (from.compareTo(to) < 0 ? from + " <-> " + to : to + " <-> " + from);
        }
    }

    private SimulatorValidation()
    {
    }

    public static void main(final String[] args) throws IOException, InterruptedException
    {
        final Map<String, String> options = options(args);
        final int reps = Integer.parseInt(options.getOrDefault("--reps", "3"));
        final List<String> workloads = Arrays.asList(options.getOrDefault("--workloads", "skewed,files").split(","));
        final int items = Integer.parseInt(options.getOrDefault("--items", "40000"));
        final List<Prediction> predictions = new ArrayList<>();
        final Path tree = workloads.contains("files") ? tree(options) : null;
        System.out.printf(Locale.ROOT, "%-8s %-20s %-20s %10s %10s %10s %8s%n", "workload", "recorded at", "predicted for", "recorded",
            "predicted", "measured", "error");
        for (int rep = 0; rep < reps; rep++)
        {
            if (workloads.contains("skewed"))
            {
                skewed(new BusyWorkload(items, 50, 1, 42 + rep), new BusyWorkload(items / 4, 100, 1, 142 + rep), rep == 0, predictions);
            }
            if (workloads.contains("files"))
            {
                files(tree, predictions);
            }
        }
        summary(predictions);
    }

    private static void skewed(final BusyWorkload workload, final BusyWorkload openLoop, final boolean warmUp, final List<Prediction> predictions)
    {
        if (warmUp)
        {
            workload.record(2, 0, b -> { });
        }
        final List<Pair> pairs = List.of(
            new Pair("skewed", Setting.workers(1), Setting.workers(2)),
            new Pair("skewed", Setting.budget(2, 200), Setting.budget(2, 800)),
            new Pair("skewed", Setting.linger(2, 0), Setting.linger(2, 5_000_000)),
            new Pair("skewed", tunedEvery50ms(false), tunedEvery50ms(true)),
            new Pair("skewed", Setting.openLoop(2, 0.5), Setting.openLoop(2, 0.9)));
        final Map<String, RecordedRun> runs = new LinkedHashMap<>();
        final int warmUpShare = warmUp ? 1 : 4; // the first repetition warms each setting up with a whole run, later ones with a quarter
        final BusyWorkload shortBurst = new BusyWorkload(workload.items() / warmUpShare, 50, 1, 7);
        final BusyWorkload shortOpenLoop = new BusyWorkload(openLoop.items() / warmUpShare, 100, 1, 7);
        for (final Pair pair : pairs)
        {
            for (final Setting s : List.of(pair.a(), pair.b()))
            {
                runs.computeIfAbsent(s.name(), k ->
                {
                    // A short unrecorded run first: the JIT work a new setting's code paths cause is paid there, so the
                    // recording does not carry JIT time into its prediction that the other setting's run, later in this JVM, skipped.
                    (s.load() > 0 ? shortOpenLoop : shortBurst).record(s.workers(), s.load(), b -> s.engine().accept(b));
                    return (s.load() > 0 ? openLoop : workload).record(s.workers(), s.load(), b -> s.engine().accept(b));
                });
            }
            predict(pair, runs.get(pair.a().name()), runs.get(pair.b().name()), predictions);
        }
    }

    private static Setting tunedEvery50ms(final boolean throughput)
    {
        final Setting s = Setting.tuned(2, throughput);
        return new Setting(s.name(), 2, 0, b ->
        {
            b.intervalLength(Duration.ofMillis(50));
            s.engine().accept(b);
        }, c -> s.simulated().apply(c.withIntervalNanos(50_000_000)), null);
    }

    private static void files(final Path tree, final List<Prediction> predictions) throws IOException, InterruptedException
    {
        final Pair pair = new Pair("files", Setting.workers(1), Setting.workers(2));
        final Path dir = Files.createTempDirectory("whatif-journals");
        final RecordedRun a = CliRun.record(tree, dir.resolve("a"), pair.a().cli());
        final RecordedRun b = CliRun.record(tree, dir.resolve("b"), pair.b().cli());
        predict(pair, a, b, predictions);
    }

    private static void predict(final Pair pair, final RecordedRun a, final RecordedRun b, final List<Prediction> predictions)
    {
        predictions.add(print(pair.workload(), pair.a(), pair.b(), a, b));
        predictions.add(print(pair.workload(), pair.b(), pair.a(), b, a));
    }

    private static Prediction print(final String workload, final Setting from, final Setting to, final RecordedRun recorded,
        final RecordedRun measured)
    {
        SimulationConfig asked = to.simulated().apply(SimulationConfig.of(recorded));
        final boolean openLoop = from.load() > 0 && to.load() > 0;
        if (openLoop)
        {
            asked = asked.withArrivalGapScale(from.load() / to.load()); // the same arrival pattern at the other rate
        }
        final RunStats predicted = RunStats.of(Simulator.simulate(recorded, asked));
        final RunStats real = RunStats.of(measured);
        final Prediction p = new Prediction(workload, from.name(), to.name(), RunStats.of(recorded).makespanNanos(), predicted.makespanNanos(),
            real.makespanNanos(), predicted.endToEnd().p99Nanos(), real.endToEnd().p99Nanos(), openLoop);
        System.out.printf(Locale.ROOT, "%-8s %-20s %-20s %10s %10s %10s %+7.1f%%%s   [%s]%n", workload, from.name(), to.name(), ms(p.recorded()),
            ms(p.predicted()), ms(p.measured()), p.error() * 100, openLoop ? String.format(Locale.ROOT, "  p99 predicted %s, measured %s, %+.1f%%",
                ms(p.predictedP99()), ms(p.measuredP99()), p.p99Error() * 100) : "", Simulator.describeEstimate(recorded));
        return p;
    }

    private static void summary(final List<Prediction> predictions)
    {
        System.out.printf(Locale.ROOT, "%n%-45s %6s %12s %12s%n", "pair (both ways, every repetition)", "n", "median |err|", "worst");
        final Map<String, List<Prediction>> byPair = new LinkedHashMap<>();
        for (final Prediction p : predictions)
        {
            byPair.computeIfAbsent(p.pair(), k -> new ArrayList<>()).add(p);
        }
        for (final Map.Entry<String, List<Prediction>> e : byPair.entrySet())
        {
            line(e.getKey(), e.getValue());
        }
        line("all", predictions);
        for (final Map.Entry<String, List<Prediction>> e : byPair.entrySet())
        {
            if (e.getValue().get(0).openLoop())
            {
                final double[] abs = e.getValue().stream().mapToDouble(p -> Math.abs(p.p99Error())).sorted().toArray();
                System.out.printf(Locale.ROOT, "%-45s %6d %11.1f%% %11.1f%%   (end-to-end p99, |error|)%n", e.getKey() + " p99", abs.length,
                    abs[abs.length / 2] * 100, abs[abs.length - 1] * 100);
            }
        }
    }

    private static void line(final String name, final List<Prediction> ps)
    {
        final double[] abs = ps.stream().mapToDouble(p -> Math.abs(p.error())).sorted().toArray();
        final double worst = ps.stream().mapToDouble(Prediction::error).boxed().max((x, y) -> Double.compare(Math.abs(x), Math.abs(y))).orElse(0.0);
        final double median = abs.length == 0 ? 0 : abs.length % 2 == 1 ? abs[abs.length / 2] : (abs[abs.length / 2 - 1] + abs[abs.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-45s %6d %11.1f%% %+11.1f%%%n", name, ps.size(), median * 100, worst * 100);
    }

    private static Path tree(final Map<String, String> options) throws IOException
    {
        if (options.containsKey("--tree"))
        {
            return Path.of(options.get("--tree"));
        }
        final Path dir = Files.createTempDirectory("whatif-tree");
        new TextTree(7).write(dir, Integer.parseInt(options.getOrDefault("--files", "8000")), 4096, 8);
        return dir;
    }

    private static String ms(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static Map<String, String> options(final String[] args)
    {
        final Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            if (!args[i].startsWith("--"))
            {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
