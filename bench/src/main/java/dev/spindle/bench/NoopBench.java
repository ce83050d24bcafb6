package dev.spindle.bench;

import dev.spindle.bench.figures.Target;
import dev.spindle.bench.figures.Targets;
import dev.spindle.engine.WaitMode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The no-op throughput of every engine under JMH, with exactly the engines, settings and per-item
 * work of the forked figures ({@code figures.Targets}, scenario {@code noop}): one publisher, 2
 * workers, each item read and counted with {@code LongAdder.increment()}. One invocation publishes
 * {@link #ITEMS} items and returns once all are counted, waiting parked as the figures do; the score
 * is items/s ({@code @OperationsPerInvocation}), and {@code -prof gc} gives bytes per item.
 * <p>
 * {@code engine} × {@code waitMode}: executor and forkjoin have no wait mode and run under BLOCKING only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(NoopBench.ITEMS)
@Threads(1)
@Fork(3)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoopBench
{
    /** As the figures' noop runs: Spindle's rate grows with the run (see bench/RESULTS.md), so both use 5 M. */
    static final int ITEMS = 5_000_000;

    @Param({"spindle", "executor", "forkjoin", "disruptor"})
    public String engine;

    @Param({"BLOCKING", "YIELDING"})
    public String waitMode;

    private final LongAdder done = new LongAdder();
    private Target target;
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        final WaitMode wait = WaitMode.valueOf(waitMode);
        final Target.Work work = id ->
        {
            if (id >= 0)
            {
                done.increment();
            }
        };
        final String prefix = "jmh-" + engine;
        switch (engine)
        {
            case "spindle":
                target = Targets.spindle(prefix, b -> b.workers(2).waitMode(wait).ringSize(Targets.RING).maxBatchItems(256)
                    .complexityBudget(256).singleProducer(true), work, null);
                break;
            case "executor":
                target = Targets.executor(prefix, 2, work, null);
                break;
            case "forkjoin":
                target = Targets.forkJoin(prefix, 2, work, null);
                break;
            case "disruptor":
                target = Targets.disruptor(prefix, 2, wait, work, null);
                break;
            default:
                throw new IllegalArgumentException("unknown engine " + engine);
        }
        if (wait != WaitMode.BLOCKING && (engine.equals("executor") || engine.equals("forkjoin")))
        {
            throw new IllegalStateException(engine + " has no wait mode: run it with -p waitMode=BLOCKING");
        }
    }

    @Benchmark
    public void publishToCompletion()
    {
        final Target t = target;
        final long from = published;
        for (long id = from; id < from + ITEMS; id++)
        {
            t.send(id);
        }
        published = from + ITEMS;
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (done.sum() < published)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException(engine + ": " + done.sum() + " of " + published + " items completed after 2 minutes");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        target.close();
    }
}
