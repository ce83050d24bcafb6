package dev.spindle.bench.figures;

import dev.spindle.bench.SkewedWorkload;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.WaitMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One fork of {@link Figures}: one scenario on one engine, warmed up in this JVM, then measured, and
 * printed as one line {@code FIGURE key=value ...}. Scenarios:
 * <ul>
 * <li>{@code noop}: a closed run, one publisher, of no-op items (read the item, {@code LongAdder.increment()}):
 * items/s, CPU of the application threads per item, bytes allocated per item;
 * <li>{@code open}: no-op items offered open loop at a fixed rate, latency from each item's intended
 * send time (coordinated omission corrected), and the engine threads' CPU;
 * <li>{@code skewed}: 100,000 lognormal items (σ = 1, mean 20 µs of busy CPU) published at once:
 * makespan against the lower bound and the workers' utilization;
 * <li>{@code paced}: the skewed items offered open loop at a given rate: latency as in {@code open}.
 * </ul>
 */
public final class FigureRun
{
    static final int WORKERS = 2;
    private static final long HIGHEST = TimeUnit.SECONDS.toNanos(60);

    private final Map<String, String> options;
    private final String scenario;
    private final String engine;
    private final Map<String, Object> out = new LinkedHashMap<>();

    private FigureRun(final String scenario, final String engine, final Map<String, String> options)
    {
        this.scenario = scenario;
        this.engine = engine;
        this.options = options;
        out.put("scenario", scenario);
        out.put("engine", engine);
    }

    public static void main(final String[] args) throws Exception
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++)
        {
            final int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        final FigureRun run = new FigureRun(args[0], args[1], options);
        switch (args[0])
        {
            case "noop":
                run.noop();
                break;
            case "open":
                run.open();
                break;
            case "skewed":
                run.skewed();
                break;
            case "paced":
                run.paced();
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + args[0] + " (noop, open, skewed, paced)");
        }
        final StringBuilder line = new StringBuilder("FIGURE");
        run.out.forEach((k, v) -> line.append(' ').append(k).append('=').append(v instanceof Double d
            ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v).replace(' ', '_')));
        System.out.println(line);
        System.exit(0);
    }

    private WaitMode waitMode()
    {
        return WaitMode.valueOf(options.getOrDefault("wait", "BLOCKING"));
    }

    private long number(final String key, final long fallback)
    {
        return Long.parseLong(options.getOrDefault(key, String.valueOf(fallback)));
    }

    /**
     * The engine under test. {@code spindle}: the builder's defaults but 2 workers and what the
     * scenario sets; {@code spindle-every-stamp}: the same, stamping every item's publish time.
     */
    private Target target(final Target.Work work, final Target.Completion completion, final UnaryOperator<SpindleBuilder<Targets.Item>> scenarioSettings)
    {
        final String prefix = "fig-" + engine;
        switch (engine)
        {
            case "spindle":
                return Targets.spindle(prefix, b -> scenarioSettings.apply(b.workers(WORKERS)), work, completion);
            case "spindle-every-stamp":
                return Targets.spindle(prefix, b -> scenarioSettings.apply(b.workers(WORKERS)).latencySampling(1), work, completion);
            case "executor":
                return Targets.executor(prefix, WORKERS, work, completion);
            case "forkjoin":
                return Targets.forkJoin(prefix, WORKERS, work, completion);
            case "disruptor":
                return Targets.disruptor(prefix, WORKERS, waitMode(), work, completion);
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    /** The no-op scenario's Spindle settings: as the harness, ring 65,536, 256 items per batch, single producer. */
    private UnaryOperator<SpindleBuilder<Targets.Item>> noopSettings()
    {
        final int ring = (int)number("ring", Targets.RING);
        return b -> b.waitMode(waitMode()).ringSize(ring).maxBatchItems(256).complexityBudget(256).singleProducer(true);
    }

    private void noop() throws Exception
    {
        final int items = (int)number("items", 5_000_000);
        final int runs = (int)number("runs", 5);
        final LongAdder done = new LongAdder();
        final Target target = target(id ->
        {
            if (id >= 0)
            {
                done.increment();
            }
        }, null, noopSettings());
        long sent = 0;
        for (int w = 0; w < 3; w++)
        {
            sent = closedRun(target, done, sent, items);
        }
        long wall = 0;
        long cpu = 0;
        long producer = 0;
        long alloc = 0;
        for (int r = 0; r < runs; r++)
        {
            final ThreadCpu meter = ThreadCpu.start(target.threadPrefix());
            final long start = System.nanoTime();
            sent = closedRun(target, done, sent, items);
            wall += System.nanoTime() - start;
            final long[] used = meter.stop();
            cpu += used[0] + used[1];
            producer += used[1];
            alloc += used[2];
        }
        // Totals over every run, as JMH's throughput: a median of run rates would favour the fast runs
        // of an engine whose rate varies from run to run.
        final double measured = (double)items * runs;
        out.put("wait", engine.equals("executor") || engine.equals("forkjoin") ? "-" : waitMode().name());
        out.put("items_per_s", measured * 1e9 / wall);
        out.put("cpu_ns_per_item", cpu / measured);
        out.put("producer_cpu_ns_per_item", producer / measured);
        out.put("alloc_bytes_per_item", alloc / measured);
        out.put("note", target.note());
        target.close();
    }

    /** Publishes {@code items} more and waits, parked so the wait costs no CPU, until all are done. */
    private static long closedRun(final Target target, final LongAdder done, final long sent, final int items)
    {
        for (long id = sent; id < sent + items; id++)
        {
            target.send(id);
        }
        final long goal = sent + items;
        awaitCount(done::sum, goal);
        return goal;
    }

    private static void awaitCount(final java.util.function.LongSupplier count, final long goal)
    {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (count.getAsLong() < goal)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("only " + count.getAsLong() + " of " + goal + " items completed in 5 minutes");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private void open() throws Exception
    {
        final LongAdder work = new LongAdder();
        paced(number("rate", 200_000), id ->
        {
            if (id >= 0)
            {
                work.increment();
            }
        }, noopSettings(), 3, number("seconds", 10));
    }

    private void paced() throws Exception
    {
        final SkewedWorkload workload = new SkewedWorkload(100_000, 42);
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final long rate = number("rate", 0);
        if (rate <= 0)
        {
            throw new IllegalArgumentException("paced needs rate=items/s");
        }
        out.put("load", options.getOrDefault("load", "?"));
        paced(rate, id -> meter.stripe().busy(SkewedWorkload.burn(workload.costNanos(id))), b -> b.singleProducer(true), 2,
            number("seconds", 6));
    }

    /**
     * Open loop: item i is due at start + i / rate whether or not earlier ones are done; the publisher
     * sleeps to each due time and sends; the latency of item i is its completion time minus its due
     * time. The first {@code warmSeconds} are sent but not recorded.
     */
    private void paced(final long rate, final Target.Work work, final UnaryOperator<SpindleBuilder<Targets.Item>> settings,
        final long warmSeconds, final long seconds) throws Exception
    {
        final LongAdder completed = new LongAdder();
        final long warm = rate * warmSeconds;
        final long total = warm + rate * seconds;
        final double period = 1e9 / rate;
        final Recorder latency = new Recorder(HIGHEST, 3);
        final long[] start = {0};
        final Target target = target(work, id ->
        {
            completed.increment();
            if (id >= warm)
            {
                latency.recordValue(Math.min(HIGHEST, Math.max(0, System.nanoTime() - (start[0] + (long)(id * period)))));
            }
        }, settings);
        final Histogram lag = new Histogram(HIGHEST, 3);
        start[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        ThreadCpu meter = null;
        long measuredFrom = 0;
        for (long id = 0; id < total; id++)
        {
            if (id == warm)
            {
                latency.reset();
                meter = ThreadCpu.start(target.threadPrefix());
                measuredFrom = System.nanoTime();
            }
            final long due = start[0] + (long)(id * period);
            long now = System.nanoTime();
            while (now - due < 0)
            {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            if (id >= warm)
            {
                lag.recordValue(Math.min(HIGHEST, now - due));
            }
            target.send(id);
        }
        awaitCount(completed::sum, total);
        final long wall = System.nanoTime() - measuredFrom;
        final long[] used = meter.stop();
        final Histogram h = latency.getIntervalHistogram();
        out.put("rate", rate);
        out.put("items", total - warm);
        out.put("p50_us", h.getValueAtPercentile(50) / 1e3);
        out.put("p99_us", h.getValueAtPercentile(99) / 1e3);
        out.put("p999_us", h.getValueAtPercentile(99.9) / 1e3);
        out.put("max_us", h.getMaxValue() / 1e3);
        out.put("engine_cores", used[0] / (double)wall);
        out.put("publisher_cores", used[1] / (double)wall);
        out.put("send_lag_p99_us", lag.getValueAtPercentile(99) / 1e3);
        out.put("note", target.note());
        target.close();
    }

    private void skewed() throws Exception
    {
        final int items = (int)number("items", 100_000);
        final SkewedWorkload workload = new SkewedWorkload(items, 42);
        final SkewedWorkload.Meter[] meter = {new SkewedWorkload.Meter()};
        // Spindle here runs on its defaults (2 workers): unit cost, the default budget, batch count, ring and wait mode.
        final Target target = target(id -> meter[0].stripe().busy(SkewedWorkload.burn(workload.costNanos(id))),
            id -> meter[0].stripe().completed(System.nanoTime()), b -> b);
        closedSkewed(target, workload, meter[0], 0);
        meter[0] = new SkewedWorkload.Meter();
        System.gc();
        Thread.sleep(200);
        final long start = System.nanoTime();
        closedSkewed(target, workload, meter[0], items);
        final long makespan = meter[0].lastCompletionNanos() - start;
        final double lb = Math.max(meter[0].busyNanos() / (double)WORKERS, meter[0].maxItemNanos());
        out.put("items", items);
        out.put("items_per_s", items * 1e9 / makespan);
        out.put("makespan_ms", makespan / 1e6);
        out.put("makespan_over_lb", makespan / lb);
        out.put("utilization", meter[0].busyNanos() / ((double)WORKERS * makespan));
        out.put("note", target.note());
        target.close();
    }

    private static void closedSkewed(final Target target, final SkewedWorkload workload, final SkewedWorkload.Meter meter, final long offset)
    {
        for (int i = 0; i < workload.items(); i++)
        {
            target.send(offset + i);
        }
        awaitCount(meter::completed, workload.items());
    }

    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
