package dev.spindle.bench;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
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
 * The ceiling: a raw Disruptor 4 single-producer ring with preallocated events and one
 * BatchEventProcessor per worker, handler k taking the sequences where sequence % workers == k.
 * Publish (through a translator) to completion of {@link Shootout#ITEMS} no-op items.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Shootout.ITEMS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoopDisruptorBench
{
    /** Writes the sequence as the item id: no captured argument, so publishing allocates nothing. */
    private static final EventTranslator<LongEvent> TRANSLATOR = (event, sequence) -> event.id = sequence;

    @Param({"2"})
    public int workers;

    @Param({"YIELDING", "BLOCKING"})
    public String waitMode;

    private final CompletionCounter done = new CompletionCounter();
    private RingBuffer<LongEvent> ring;
    private BatchEventProcessor<?>[] processors;
    private Thread[] threads;
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        ring = RingBuffer.createSingleProducer(LongEvent::new, Shootout.RING_SIZE, Shootout.disruptorWaitStrategy(waitMode));
        final SequenceBarrier barrier = ring.newBarrier();
        processors = new BatchEventProcessor<?>[workers];
        threads = new Thread[workers];
        for (int k = 0; k < workers; k++)
        {
            final BatchEventProcessor<LongEvent> processor =
                new BatchEventProcessorBuilder().build(ring, barrier, new ShardHandler(k, workers, done));
            ring.addGatingSequences(processor.getSequence());
            processors[k] = processor;
            threads[k] = new Thread(processor, "disruptor-shard-" + k);
            threads[k].setDaemon(true);
        }
        for (final Thread thread : threads)
        {
            thread.start();
        }
    }

    @Benchmark
    public void publishToOutcome()
    {
        final RingBuffer<LongEvent> r = ring;
        for (int i = 0; i < Shootout.ITEMS; i++)
        {
            r.publishEvent(TRANSLATOR);
        }
        published += Shootout.ITEMS;
        done.awaitAtLeast(published);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        for (final BatchEventProcessor<?> processor : processors)
        {
            processor.halt();
        }
        for (final Thread thread : threads)
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** A preallocated ring slot. */
    static final class LongEvent
    {
        long id;
    }

    /** Sees every event, handles only its own shard. */
    static final class ShardHandler implements EventHandler<LongEvent>
    {
        private final int shard;
        private final int shards;
        private final CompletionCounter counter;

        ShardHandler(final int shard, final int shards, final CompletionCounter counter)
        {
            this.shard = shard;
            this.shards = shards;
            this.counter = counter;
        }

        @Override
        public void onEvent(final LongEvent event, final long sequence, final boolean endOfBatch)
        {
            if (sequence % shards == shard)
            {
                NoopWork.run(event.id, counter);
            }
        }
    }
}
