package dev.spindle.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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
 * Baseline: a ForkJoinPool with parallelism = workers, one freshly allocated task per item submitted
 * from outside the pool with {@code execute}. Publish to completion of {@link Shootout#ITEMS} no-op items.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Shootout.ITEMS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoopForkJoinBench
{
    @Param({"2"})
    public int workers;

    private final CompletionCounter done = new CompletionCounter();
    private ForkJoinPool pool;
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        pool = new ForkJoinPool(workers);
    }

    @Benchmark
    public void publishToOutcome()
    {
        final CompletionCounter counter = done;
        for (int i = 0; i < Shootout.ITEMS; i++)
        {
            final long id = published + i;
            pool.execute(() -> NoopWork.run(id, counter));
        }
        published += Shootout.ITEMS;
        counter.awaitAtLeast(published);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("fork-join pool did not terminate");
        }
    }
}
