package dev.spindle.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Control, not an engine: the same no-op body and completion counting run inline on the producer,
 * with no hand-off. Its items/s is the ceiling the harness itself allows; an engine near it is
 * measuring the harness, not itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Shootout.ITEMS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoopInlineBench
{
    private final CompletionCounter done = new CompletionCounter();
    private long published;

    @Benchmark
    public void publishToOutcome()
    {
        final CompletionCounter counter = done;
        for (int i = 0; i < Shootout.ITEMS; i++)
        {
            NoopWork.run(published + i, counter);
        }
        published += Shootout.ITEMS;
        counter.awaitAtLeast(published);
    }
}
