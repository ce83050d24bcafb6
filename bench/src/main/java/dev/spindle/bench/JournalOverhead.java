package dev.spindle.bench;

import dev.spindle.bench.SkewedWorkload.Burn;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.Spindle;
import dev.spindle.journal.JournalWriter;
import dev.spindle.journal.WriterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.agrona.concurrent.SleepingIdleStrategy;

/**
 * What the Chronicle journal costs the engine: the same workload with the journal off and on, alternated
 * within one JVM (off-on, then on-off, ...) so a shared machine's drift hits both, each run on a fresh
 * engine and, when on, a fresh journal directory. Workloads: {@code noop} ({@link SpindleTarget}'s settings:
 * one producer, no-op processor, ring 4,096, batches of 256, the default wait mode, 2 workers; every item is
 * at least a submit record, the worst case for a journal) and {@code skewed} (TunerShootout's closed batch:
 * 100,000 lognormal items, mean 20 µs, fixed-large budget, 50 ms intervals). Items are {@link Burn}s,
 * journalled by id ({@link Burn#IDENTITY}: no key, no size). Wall = first submit to last outcome; "+close" also
 * counts closing the engine and the journal (every record on disk); cpu is the process's CPU time over
 * the run and close, "jnl cpu" the journal writer thread's. Prints each pair and, per workload, the
 * median and the pooled on/off ratios.
 * <p>
 * Run: {@code java <spindle.jvm.flags> -cp bench/target/benchmarks.jar dev.spindle.bench.JournalOverhead
 * [--rounds 7] [--workloads noop,skewed] [--noop-items 2000000] [--skewed-items 100000] [--frame-records N]
 * [--ring-mib 32] [--idle-ms N] [--dir DIR] [--threads]}: {@code --frame-records 1} writes a Chronicle
 * document per record, {@code --idle-ms} replaces the writer's default idling with a plain N ms sleep,
 * {@code --threads} prints each run's CPU per live thread.
 */
public final class JournalOverhead
{
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, String> options;
    private final Path root;
    private final WriterSettings settings;
    private int journals;

    private JournalOverhead(final Map<String, String> options) throws IOException
    {
        this.options = options;
        this.root = options.containsKey("dir") ? Files.createDirectories(Path.of(options.get("dir")))
            : Files.createTempDirectory("journal-overhead");
        WriterSettings s = WriterSettings.defaults().ringBytes(Integer.parseInt(options.getOrDefault("ring-mib", "32")) << 20);
        if (options.containsKey("frame-records"))
        {
            s = s.maxFrameRecords(Integer.parseInt(options.get("frame-records")));
        }
        if (options.containsKey("idle-ms"))
        {
            final long idleNanos = TimeUnit.MICROSECONDS.toNanos(Math.round(Double.parseDouble(options.get("idle-ms")) * 1000));
            s = s.idleStrategy(() -> new SleepingIdleStrategy(idleNanos));
        }
        this.settings = s;
    }

    public static void main(final String[] args) throws Exception
    {
        dev.spindle.tools.TerminalSafeLogging.install(); // one line per log message, as the CLI
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            final String name = args[i].substring(2);
            options.put(name, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "");
        }
        new JournalOverhead(options).run();
    }

    private void run() throws Exception
    {
        final int rounds = Integer.parseInt(options.getOrDefault("rounds", "7"));
        final List<String> workloads = List.of(options.getOrDefault("workloads", "noop,skewed").split(","));
        System.out.printf(Locale.ROOT, "journal overhead: %d rounds, workloads %s, ring %d MiB, frames of %s records, journals under %s%n",
            rounds, workloads, settings.ringBytes() >> 20, settings.maxFrameRecords() == Integer.MAX_VALUE ? "any number of"
                : String.valueOf(settings.maxFrameRecords()), root);
        for (final String workload : workloads)
        {
            once(workload, false); // warm-up, both paths
            once(workload, true);
        }
        final Map<String, List<Result[]>> pairs = new HashMap<>();
        System.out.printf(Locale.ROOT, "%n%-7s %5s %9s %9s %7s %10s %10s %7s %8s %8s %8s %10s %7s %7s%n", "load", "round", "off ms", "on ms",
            "on/off", "off+close", "on+close", "on/off", "cpu off", "cpu on", "jnl cpu", "records", "frames", "stalls");
        for (int round = 1; round <= rounds; round++)
        {
            for (final String workload : workloads)
            {
                final boolean onFirst = round % 2 == 0;
                final Result first = once(workload, onFirst);
                final Result second = once(workload, !onFirst);
                final Result off = onFirst ? second : first;
                final Result on = onFirst ? first : second;
                pairs.computeIfAbsent(workload, w -> new ArrayList<>()).add(new Result[] {off, on});
                System.out.printf(Locale.ROOT, "%-7s %5d %9.1f %9.1f %7.3f %10.1f %10.1f %7.3f %8.0f %8.0f %8.0f %10d %7d %7d%n", workload, round,
                    off.wallNanos / 1e6, on.wallNanos / 1e6, (double)on.wallNanos / off.wallNanos, off.totalNanos / 1e6, on.totalNanos / 1e6,
                    (double)on.totalNanos / off.totalNanos, off.cpuNanos / 1e6, on.cpuNanos / 1e6, on.journalCpuNanos / 1e6, on.records, on.frames,
                    on.stalls);
            }
        }
        System.out.printf(Locale.ROOT, "%n%-7s %14s %14s %16s %16s%n", "load", "median on/off", "pooled on/off", "median +close", "pooled +close");
        for (final String workload : workloads)
        {
            final List<Result[]> list = pairs.get(workload);
            System.out.printf(Locale.ROOT, "%-7s %14.3f %14.3f %16.3f %16.3f%n", workload, median(list, false), pooled(list, false),
                median(list, true), pooled(list, true));
        }
        deleteTree(root, !options.containsKey("dir"));
    }

    private Result once(final String workload, final boolean journal) throws Exception
    {
        final Path dir = root.resolve("j" + journals++);
        final long cpuBefore = PROCESS.getProcessCpuTime();
        final Map<String, Long> threadsBefore = options.containsKey("threads") ? threadCpu() : null;
        final JournalWriter<Burn> writer = journal ? JournalWriter.open(dir, "bench " + workload, "", workload, -1, Burn.IDENTITY, settings)
            : null;
        final Thread journalThread = writer == null ? null : journalThread();
        final long journalCpuBefore = journalThread == null ? 0 : THREADS.getThreadCpuTime(journalThread.getId());
        final JournalTap<Burn> tap = writer == null ? JournalTap.none() : writer;
        final Result result;
        switch (workload)
        {
            case "noop":
                result = noop(tap, Integer.parseInt(options.getOrDefault("noop-items", "2000000")));
                break;
            case "skewed":
                result = skewed(tap, Integer.parseInt(options.getOrDefault("skewed-items", "100000")));
                break;
            default:
                throw new IllegalArgumentException("unknown workload " + workload + " (noop, skewed)");
        }
        if (writer != null)
        {
            result.journalCpuNanos = THREADS.getThreadCpuTime(journalThread.getId()) - journalCpuBefore;
            writer.close();
            result.records = writer.recordsWritten();
            result.frames = writer.framesWritten();
            result.stalls = writer.stalls();
            deleteTree(dir, true);
        }
        result.totalNanos = System.nanoTime() - result.startNanos;
        result.cpuNanos = PROCESS.getProcessCpuTime() - cpuBefore;
        if (threadsBefore != null)
        {
            final StringBuilder line = new StringBuilder("    threads (" + workload + (journal ? ", on" : ", off") + "), CPU ms:");
            threadCpu().forEach((name, nanos) ->
            {
                final long used = nanos - threadsBefore.getOrDefault(name, 0L);
                if (used >= 5_000_000)
                {
                    line.append(' ').append(name).append('=').append(used / 1_000_000);
                }
            });
            System.out.println(line);
        }
        return result;
    }

    /** CPU time per live thread, threads of one name (less trailing digits) summed. */
    private static Map<String, Long> threadCpu()
    {
        final Map<String, Long> cpu = new java.util.TreeMap<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            final long nanos = THREADS.getThreadCpuTime(thread.getId());
            if (nanos > 0)
            {
                cpu.merge(thread.getName().replaceAll("[0-9]+$", ""), nanos, Long::sum);
            }
        }
        return cpu;
    }

    private static Thread journalThread()
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().equals("spindle-journal"))
            {
                return thread;
            }
        }
        throw new IllegalStateException("no journal thread");
    }

    private static Result noop(final JournalTap<Burn> tap, final int items)
    {
        final CompletionCounter done = new CompletionCounter();
        final AtomicLong wrong = new AtomicLong();
        final Spindle<Burn> spindle = Spindle.builder(Burn::new, batch -> { })
            .listener((item, outcome, result, reason) ->
            {
                if (outcome != Outcome.SUCCEEDED)
                {
                    wrong.incrementAndGet();
                }
                done.complete();
            })
            .workers(2).ringSize(SpindleTarget.RING_SIZE).complexityBudget(SpindleTarget.COMPLEXITY_BUDGET)
            .maxBatchItems(SpindleTarget.MAX_BATCH_ITEMS).singleProducer(true).journal(tap).build().start();
        final Burn template = new Burn();
        final Result result = new Result();
        result.startNanos = System.nanoTime();
        for (int i = 0; i < items; i++)
        {
            template.id = i;
            if (!spindle.publish(Burn.COPY, template))
            {
                throw new IllegalStateException("publish refused item " + i);
            }
        }
        done.awaitAtLeast(items);
        result.wallNanos = System.nanoTime() - result.startNanos;
        spindle.close();
        if (wrong.get() != 0)
        {
            throw new IllegalStateException(wrong.get() + " items did not succeed");
        }
        return result;
    }

    private Result skewed(final JournalTap<Burn> tap, final int items)
    {
        final SkewedWorkload workload = new SkewedWorkload(items, 42);
        final SpindleEngines engines = new SpindleEngines(new ShootoutConfig(options));
        final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
        final LongAdder notSucceeded = new LongAdder();
        final Spindle<Burn> spindle = engines.builder("fixed-large", meter, (item, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED)
            {
                notSucceeded.increment();
            }
            meter.stripe().completed(System.nanoTime());
        }).journal(tap).build().start();
        final Burn template = new Burn();
        final Result result = new Result();
        result.startNanos = System.nanoTime();
        for (int i = 0; i < items; i++)
        {
            if (!spindle.publish(Burn.COPY, template.set(workload, i)))
            {
                throw new IllegalStateException("refused item " + i);
            }
        }
        RunSupport.awaitCompleted(meter, items);
        result.wallNanos = meter.lastCompletionNanos() - result.startNanos;
        spindle.close();
        RunSupport.check("fixed-large", items, meter, notSucceeded.sum());
        return result;
    }

    private static double median(final List<Result[]> pairs, final boolean total)
    {
        final double[] ratios = pairs.stream().mapToDouble(p -> total ? (double)p[1].totalNanos / p[0].totalNanos
            : (double)p[1].wallNanos / p[0].wallNanos).sorted().toArray();
        final int n = ratios.length;
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    private static double pooled(final List<Result[]> pairs, final boolean total)
    {
        long off = 0;
        long on = 0;
        for (final Result[] p : pairs)
        {
            off += total ? p[0].totalNanos : p[0].wallNanos;
            on += total ? p[1].totalNanos : p[1].wallNanos;
        }
        return (double)on / off;
    }

    private static void deleteTree(final Path dir, final boolean includingRoot) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).filter(p -> includingRoot || !p.equals(dir)).forEach(p ->
            {
                try
                {
                    Files.delete(p);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One run: when it started, its wall (to the last outcome) and total (to everything closed), and the journal's counts. */
    private static final class Result
    {
        long startNanos;
        long wallNanos;
        long totalNanos;
        long records;
        long frames;
        long stalls;
        long cpuNanos;
        long journalCpuNanos;
    }
}
