package dev.spindle.bench;

import java.util.concurrent.ExecutorService;
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
 * The measurement both JDK baselines share: one freshly allocated task per item, as application
 * code submits work, publish to completion of {@link Shootout#ITEMS} no-op items. Subclasses only
 * say which {@link ExecutorService}; JMH runs the inherited benchmark under each subclass's name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Shootout.ITEMS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class ExecutorServiceNoop
{
    @Param({"2"})
    public int workers;

    private final CompletionCounter done = new CompletionCounter();
    private ExecutorService executor;
    private long published;

    protected abstract ExecutorService start(int workers);

    @Setup(Level.Trial)
    public void setUp()
    {
        executor = start(workers);
    }

    @Benchmark
    public void publishToOutcome()
    {
        final CompletionCounter counter = done;
        for (int i = 0; i < Shootout.ITEMS; i++)
        {
            final long id = published + i;
            executor.execute(() -> NoopWork.run(id, counter));
        }
        published += Shootout.ITEMS;
        counter.awaitAtLeast(published);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException(getClass().getSimpleName() + ": executor did not terminate");
        }
    }
}
