package dev.spindle.bench.figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine figures: every scenario and engine in its own JVM, {@code --rounds} times (3 by default)
 * with the engine order rotated each round, so a drift of the shared machine lands on every engine
 * alike. Each figure is the median over the rounds with its range; each ratio is taken within a round
 * (Spindle and its baseline measured minutes apart at most) and then summarised the same way.
 * <pre>
 * java $FLAGS -cp bench/target/benchmarks.jar dev.spindle.bench.figures.Figures [--rounds 3] [--quick]
 *     [--scenarios noop,yielding,open,skewed,paced] [--out DIR]
 * </pre>
 * Prints the tables and the goal verdicts as markdown; with {@code --out}, also every fork's line
 * ({@code figures.txt}) and the report ({@code figures.md}).
 */
public final class Figures
{
    private record Fork(String key, String scenario, String engine, List<String> args)
    {
    }

    private final int rounds;
    private final boolean quick;
    private final List<String> scenarios;
    private final Path outDir;
    private final List<Map<String, String>> results = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    private Figures(final int rounds, final boolean quick, final List<String> scenarios, final Path outDir)
    {
        this.rounds = rounds;
        this.quick = quick;
        this.scenarios = scenarios;
        this.outDir = outDir;
    }

    public static void main(final String[] args) throws Exception
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        int rounds = 3;
        boolean quick = false;
        List<String> scenarios = List.of("noop", "yielding", "open", "skewed", "paced");
        Path out = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--scenarios":
                    scenarios = List.of(args[++i].split(","));
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                default:
                    System.err.println("usage: Figures [--rounds N] [--quick] [--scenarios noop,yielding,open,skewed,paced] [--out DIR]");
                    System.exit(2);
            }
        }
        new Figures(rounds, quick, scenarios, out).run();
    }

    private void run() throws Exception
    {
        if (outDir != null)
        {
            Files.createDirectories(outDir);
        }
        final String noopItems = quick ? "items=2000000" : "items=5000000";
        final String noopRuns = quick ? "runs=3" : "runs=5";
        for (int round = 0; round < rounds; round++)
        {
            final Map<String, String> skewedExecutor = new LinkedHashMap<>();
            if (scenarios.contains("noop"))
            {
                forks(round, "noop", List.of("spindle", "spindle-every-stamp", "executor", "forkjoin", "disruptor"), noopItems, noopRuns,
                    "wait=BLOCKING");
            }
            if (scenarios.contains("yielding"))
            {
                forks(round, "noop-yielding", List.of("spindle", "spindle-every-stamp", "disruptor"), noopItems, noopRuns, "wait=YIELDING");
            }
            if (scenarios.contains("open"))
            {
                forks(round, "open", List.of("spindle", "executor", "disruptor"), "rate=200000", quick ? "seconds=4" : "seconds=10");
            }
            if (scenarios.contains("skewed") || scenarios.contains("paced"))
            {
                for (final Map<String, String> r : forks(round, "skewed", List.of("spindle", "executor", "forkjoin")))
                {
                    if (r.get("engine").equals("executor"))
                    {
                        skewedExecutor.putAll(r);
                    }
                }
            }
            if (scenarios.contains("paced") && skewedExecutor.containsKey("items_per_s"))
            {
                final double capacity = Double.parseDouble(skewedExecutor.get("items_per_s"));
                for (final double load : new double[] {0.5, 0.9})
                {
                    forks(round, "paced-" + Math.round(load * 100), List.of("spindle", "executor"), "rate=" + Math.round(load * capacity),
                        "load=" + load, quick ? "seconds=3" : "seconds=6");
                }
            }
        }
        summarise();
        System.out.print(report);
        if (outDir != null)
        {
            Files.writeString(outDir.resolve("figures.md"), report.toString(), StandardCharsets.UTF_8);
            final StringBuilder lines = new StringBuilder();
            for (final Map<String, String> r : results)
            {
                lines.append(r).append('\n');
            }
            Files.writeString(outDir.resolve("figures.txt"), lines.toString(), StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code engines} on one scenario in this round's rotation of their order; returns their results. */
    private List<Map<String, String>> forks(final int round, final String key, final List<String> engines, final String... args)
        throws IOException, InterruptedException
    {
        final String scenario = key.startsWith("paced") ? "paced" : key.startsWith("noop") ? "noop" : key;
        final List<Map<String, String>> got = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++)
        {
            final String engine = engines.get((i + round) % engines.size());
            final Map<String, String> r = fork(new Fork(key, scenario, engine, List.of(args)));
            r.put("key", key);
            r.put("round", String.valueOf(round));
            results.add(r);
            got.add(r);
            System.err.printf(Locale.ROOT, "round %d %s %s: %s%n", round + 1, key, engine, r);
        }
        return got;
    }

    private static Map<String, String> fork(final Fork fork) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FigureRun.class.getName());
        command.add(fork.scenario());
        command.add(fork.engine());
        command.addAll(fork.args());
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final Map<String, String> result = new LinkedHashMap<>();
        final StringBuilder seen = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (line.startsWith("FIGURE "))
                {
                    for (final String pair : line.substring(7).split(" "))
                    {
                        final int eq = pair.indexOf('=');
                        result.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                else
                {
                    seen.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || result.isEmpty())
        {
            process.destroyForcibly();
            throw new IllegalStateException("fork " + fork + " failed:\n" + seen);
        }
        return result;
    }

    private void summarise()
    {
        line("| scenario | engine | figure | median | min | max | rounds |");
        line("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        final Map<String, List<Map<String, String>>> byRun = new LinkedHashMap<>();
        for (final Map<String, String> r : results)
        {
            byRun.computeIfAbsent(r.get("key") + "|" + r.get("engine"), k -> new ArrayList<>()).add(r);
        }
        for (final Map.Entry<String, List<Map<String, String>>> e : byRun.entrySet())
        {
            final String[] parts = e.getKey().split("\\|");
            for (final String figure : List.of("items_per_s", "cpu_ns_per_item", "alloc_bytes_per_item", "p50_us", "p99_us", "p999_us",
                "engine_cores", "makespan_ms", "makespan_over_lb", "utilization", "send_lag_p99_us"))
            {
                final double[] values = values(e.getValue(), figure);
                if (values.length > 0)
                {
                    line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d |", parts[0], parts[1], figure, fmt(FigureRun.median(values)),
                        fmt(min(values)), fmt(max(values)), values.length));
                }
            }
        }
        line("");
        line("| goal | figure (per-round ratios) | median | min | max | goal | verdict |");
        line("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        goal("no-op items/s vs raw Disruptor, BLOCKING", "noop", "items_per_s", "spindle", "disruptor", 0.8, true);
        goal("no-op items/s vs raw Disruptor, YIELDING", "noop-yielding", "items_per_s", "spindle", "disruptor", 0.8, true);
        goal("no-op items/s vs ThreadPoolExecutor, BLOCKING", "noop", "items_per_s", "spindle", "executor", 1.3, true);
        goal("CPU per no-op item vs ThreadPoolExecutor", "noop", "cpu_ns_per_item", "spindle", "executor", 0.7, false);
        goal("open loop 200k/s: p50 vs executor", "open", "p50_us", "spindle", "executor", 1.0, false);
        goal("open loop 200k/s: p99 vs executor", "open", "p99_us", "spindle", "executor", 0.5, false);
        goal("skewed, defaults: makespan vs executor", "skewed", "makespan_ms", "spindle", "executor", 1.0, false);
        goal("paced 50 %: p99 vs executor", "paced-50", "p99_us", "spindle", "executor", 1.0, false);
        goal("paced 90 %: p99 vs executor", "paced-90", "p99_us", "spindle", "executor", 1.0, false);
        final double[] utilization = values(select("skewed", "spindle"), "utilization");
        if (utilization.length > 0)
        {
            verdict("skewed, defaults: utilization", "spindle", utilization, 0.985, true);
        }
        final double[] alloc = values(select("noop", "spindle"), "alloc_bytes_per_item");
        if (alloc.length > 0)
        {
            verdict("no-op allocation, bytes per item", "spindle", alloc, 0.01, false);
        }
    }

    private void goal(final String name, final String key, final String figure, final String engine, final String baseline,
        final double target, final boolean atLeast)
    {
        final List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++)
        {
            final double[] a = values(select(key, engine, round), figure);
            final double[] b = values(select(key, baseline, round), figure);
            if (a.length == 1 && b.length == 1 && b[0] != 0)
            {
                ratios.add(a[0] / b[0]);
            }
        }
        if (!ratios.isEmpty())
        {
            verdict(name, figure + " " + engine + " ÷ " + baseline, ratios.stream().mapToDouble(Double::doubleValue).toArray(), target, atLeast);
        }
    }

    private void verdict(final String name, final String figure, final double[] values, final double target, final boolean atLeast)
    {
        final double median = FigureRun.median(values);
        final boolean met = atLeast ? median >= target : median <= target;
        line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s %s | %s |", name, figure, fmt(median), fmt(min(values)), fmt(max(values)),
            atLeast ? "≥" : "≤", fmt(target), met ? "MET" : "MISSED"));
    }

    private List<Map<String, String>> select(final String key, final String engine)
    {
        return select(key, engine, -1);
    }

    private List<Map<String, String>> select(final String key, final String engine, final int round)
    {
        final List<Map<String, String>> chosen = new ArrayList<>();
        for (final Map<String, String> r : results)
        {
            if (r.get("key").equals(key) && r.get("engine").equals(engine) && (round < 0 || r.get("round").equals(String.valueOf(round))))
            {
                chosen.add(r);
            }
        }
        return chosen;
    }

    private static double[] values(final List<Map<String, String>> runs, final String figure)
    {
        return runs.stream().filter(r -> r.containsKey(figure)).mapToDouble(r -> Double.parseDouble(r.get(figure))).toArray();
    }

    private static double min(final double[] values)
    {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(final double[] values)
    {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static String fmt(final double v)
    {
        if (Math.abs(v) >= 1000)
        {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    private void line(final String text)
    {
        report.append(text).append('\n');
    }
}
