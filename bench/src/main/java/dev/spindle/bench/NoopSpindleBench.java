package dev.spindle.bench;

import dev.spindle.engine.Item;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.WorkItem;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Spindle under the same load: one reused WorkItem submitted {@link Shootout#ITEMS} times by a single
 * producer, a no-op BatchProcessor, near-zero seed complexity so only maxBatchItems cuts batches, and
 * a listener that counts outcomes. Publish to outcome, the wait mode matching the Disruptor's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Shootout.ITEMS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoopSpindleBench
{
    @Param({"2"})
    public int workers;

    @Param({"YIELDING", "BLOCKING"})
    public String waitMode;

    private final CompletionCounter done = new CompletionCounter();
    private final AtomicLong unexpected = new AtomicLong();
    private final WorkItem item = new WorkItem().key("noop").flags(Item.HAS_EMBEDDING | Item.ANALYZED);
    private Spindle spindle;
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        final CompletionCounter counter = done;
        final AtomicLong wrong = unexpected;
        final OutcomeListener listener = (completed, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED)
            {
                wrong.incrementAndGet();
            }
            counter.complete();
        };
        spindle = Spindle.builder(batch -> { })
            .listener(listener)
            .workers(workers)
            .waitMode(WaitMode.valueOf(waitMode))
            .ringSize(Shootout.RING_SIZE)
            .complexityBudget(Shootout.COMPLEXITY_BUDGET)
            .maxBatchItems(Shootout.MAX_BATCH_ITEMS)
            .singleProducer(true)
            .build()
            .start();
    }

    @Benchmark
    public void publishToOutcome()
    {
        final Spindle s = spindle;
        final WorkItem w = item;
        for (int i = 0; i < Shootout.ITEMS; i++)
        {
            if (!s.submit(w.id(published + i)))
            {
                throw new IllegalStateException("submit refused item " + (published + i));
            }
        }
        published += Shootout.ITEMS;
        done.awaitAtLeast(published);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        spindle.close();
        if (unexpected.get() != 0)
        {
            throw new IllegalStateException(unexpected.get() + " items had an outcome other than SUCCEEDED");
        }
    }
}
