package dev.spindle.bench;

import dev.spindle.engine.WaitMode;
import dev.spindle.engine.metrics.LatencySummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Publish-to-outcome latency of Spindle and a ThreadPoolExecutor at the same paced, open-loop
 * offered load: one producer sends item i at start + i / rate whether or not earlier items are done,
 * and latency is measured from that intended time, so a stalled engine cannot hide its queueing.
 * <p>
 * Run: {@code java <spindle.jvm.flags> -cp bench/target/benchmarks.jar dev.spindle.bench.LatencyShootout
 * [--rate 200000] [--warmup 5] [--seconds 20] [--workers 2] [--wait BLOCKING,YIELDING]
 * [--engines executor,spindle] [--pace yield|spin]}
 */
public final class LatencyShootout
{
    private LatencyShootout()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = parse(args);
        final long rate = Long.parseLong(options.getOrDefault("rate", "200000"));
        final int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "5"));
        final int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        final int workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        final boolean spin = "spin".equals(options.getOrDefault("pace", "yield"));
        final List<String> engines = List.of(options.getOrDefault("engines", "executor,spindle").split(","));
        final List<String> waits = List.of(options.getOrDefault("wait", "BLOCKING,YIELDING").split(","));

        final long warmupItems = rate * warmupSeconds;
        final long totalItems = warmupItems + rate * seconds;
        if (totalItems > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("rate x duration exceeds " + Integer.MAX_VALUE + " items");
        }
        System.out.printf(Locale.ROOT, "offered load %,d items/s open loop, %d s warm-up + %d s measured, %d workers, pacing by %s, %d cores%n",
            rate, warmupSeconds, seconds, workers, spin ? "spin" : "yield", Runtime.getRuntime().availableProcessors());
        System.out.println("latency in microseconds, measured from each item's intended send time (coordinated omission corrected)");
        System.out.printf(Locale.ROOT, "%-18s %10s %9s %9s %9s %10s | %12s %12s%n",
            "engine", "items", "p50", "p99", "p99.9", "max", "p99 from sub", "p99 send lag");

        for (final String engine : engines)
        {
            if ("spindle".equals(engine))
            {
                for (final String wait : waits)
                {
                    run(engine, WaitMode.valueOf(wait), rate, (int)totalItems, (int)warmupItems, workers, spin);
                }
            }
            else
            {
                run(engine, null, rate, (int)totalItems, (int)warmupItems, workers, spin);
            }
        }
    }

    private static void run(final String engine, final WaitMode wait, final long rate, final int items, final int warmupItems,
        final int workers, final boolean spin) throws InterruptedException
    {
        System.gc();
        final long start = System.nanoTime() + 50_000_000L;
        final LatencyProbe probe = new LatencyProbe(start, rate, items, warmupItems);
        final PacedTarget target = open(engine, wait, probe, workers);
        for (int id = 0; id < items; id++)
        {
            final long intended = probe.intendedNanos(id);
            long now = System.nanoTime();
            while (now < intended)
            {
                if (spin)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    Thread.yield();
                }
                now = System.nanoTime();
            }
            probe.sending(id, now);
            target.send(id);
        }
        probe.awaitCompleted(items);
        target.close();

        final Histogram corrected = probe.corrected();
        final Histogram uncorrected = probe.uncorrected();
        System.out.printf(Locale.ROOT, "%-18s %,10d %9.1f %9.1f %9.1f %10.1f | %12.1f %12.1f%n",
            target.name(), corrected.getTotalCount(),
            micros(corrected.getValueAtPercentile(50)), micros(corrected.getValueAtPercentile(99)),
            micros(corrected.getValueAtPercentile(99.9)), micros(corrected.getMaxValue()),
            micros(uncorrected.getValueAtPercentile(99)), micros(probe.sendLag().getValueAtPercentile(99)));
        if (target instanceof SpindleTarget)
        {
            final LatencySummary own = ((SpindleTarget)target).engineEndToEnd();
            System.out.printf(Locale.ROOT, "%-18s engine's own endToEnd (from submit, warm-up included): p50 %.1f p99 %.1f p99.9 %.1f us%n",
                "", own.p50Micros(), own.p99Micros(), own.p999Micros());
        }
    }

    private static PacedTarget open(final String engine, final WaitMode wait, final LatencyProbe probe, final int workers)
    {
        switch (engine)
        {
            case "executor":
                return new ExecutorTarget(probe, workers);
            case "spindle":
                return new SpindleTarget(probe, workers, wait);
            default:
                throw new IllegalArgumentException("unknown engine " + engine + " (executor, spindle)");
        }
    }

    private static double micros(final long nanos)
    {
        return nanos / 1000.0;
    }

    private static Map<String, String> parse(final String[] args)
    {
        final Map<String, String> options = new HashMap<>();
        final List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            if (args[i].startsWith("--") && i + 1 < args.length)
            {
                options.put(args[i].substring(2), args[++i]);
            }
            else
            {
                unknown.add(args[i]);
            }
        }
        if (!unknown.isEmpty())
        {
            throw new IllegalArgumentException("unexpected arguments " + unknown + "; options are --name value pairs");
        }
        return options;
    }
}
