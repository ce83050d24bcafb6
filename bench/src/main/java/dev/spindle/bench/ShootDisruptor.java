package dev.spindle.bench;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.spindle.engine.WaitMode;

/**
 * The ceiling for pure overhead in {@link EngineShootout}: a raw Disruptor 4 single-producer ring (4096
 * preallocated slots, the wait strategy matching Spindle's wait mode) with one BatchEventProcessor per
 * worker, handler k taking sequence % workers == k, as the figures' raw Disruptor; the body and the
 * measuring are {@link ShootProbe}'s, like every other engine's. No batching policy, no priorities.
 */
final class ShootDisruptor
{
    private static final EventTranslator<Slot> TRANSLATOR = (event, sequence) -> event.id = sequence;

    /** A ring slot: the item's index, which is its sequence. */
    private static final class Slot
    {
        long id;
    }

    private ShootDisruptor()
    {
    }

    /** The Disruptor wait strategy that matches a Spindle wait mode of the same name. */
    static WaitStrategy waitStrategy(final WaitMode mode)
    {
        switch (mode)
        {
            case YIELDING:
                return new YieldingWaitStrategy();
            case BLOCKING:
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException("no matching Disruptor wait strategy for " + mode);
        }
    }

    static ShootRow run(final ShootWorkload w, final int workers, final WaitMode mode) throws InterruptedException
    {
        final ShootProbe probe = new ShootProbe(w);
        final RingBuffer<Slot> ring = RingBuffer.createSingleProducer(Slot::new, ShootoutConfig.RING_SIZE, waitStrategy(mode));
        final SequenceBarrier barrier = ring.newBarrier();
        final BatchEventProcessor<?>[] processors = new BatchEventProcessor<?>[workers];
        final Thread[] threads = new Thread[workers];
        for (int k = 0; k < workers; k++)
        {
            final int shard = k;
            final EventHandler<Slot> handler = (event, sequence, endOfBatch) ->
            {
                if (sequence % workers == shard)
                {
                    final int id = (int)event.id;
                    probe.body(id);
                    probe.completed(id, System.nanoTime());
                }
            };
            final BatchEventProcessor<Slot> p = new BatchEventProcessorBuilder().build(ring, barrier, handler);
            ring.addGatingSequences(p.getSequence());
            processors[k] = p;
            threads[k] = new Thread(p, RunSupport.threadPrefix("disruptor") + "-worker-" + k);
            threads[k].setDaemon(true);
            threads[k].start();
        }
        final int n = w.items();
        final AllocMeter alloc = AllocMeter.start();
        final long first = System.nanoTime();
        for (int i = 0; i < n; i++)
        {
            probe.submitted[i] = System.nanoTime();
            ring.publishEvent(TRANSLATOR);
        }
        RunSupport.awaitCompleted(probe.meter, n);
        final long bytes = alloc.stop();
        for (final BatchEventProcessor<?> p : processors)
        {
            p.halt();
        }
        for (final Thread t : threads)
        {
            t.join(30_000);
        }
        RunSupport.check("disruptor", n, probe.meter, 0);
        return ShootRow.closed(w.name, "disruptor", workers, probe, first, bytes, mode + " wait strategy, sharded handlers");
    }
}
