package dev.spindle.bench.figures;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.Pinning;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.WaitMode;
import dev.spindle.engine.metrics.PerformanceReport;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engines of the figures, each running the same {@link Target.Work} per item and reporting the
 * same {@link Target.Completion}: Spindle (a ring of preallocated items, no allocation per item), a
 * {@code ThreadPoolExecutor} on a {@code LinkedBlockingQueue} and a {@code ForkJoinPool} (a new task
 * per item, as application code does), and a raw Disruptor 4 with one handler per worker taking
 * {@code sequence % workers == k} (the ring and wait strategy without any engine around them).
 */
public final class Targets
{
    public static final int RING = 65_536;

    private Targets()
    {
    }

    /** A ring item: the id is all the work reads. */
    public static final class Item
    {
        static final ItemTranslatorOneArg<Item, Item> COPY = (item, from) -> item.id = from.id;
        long id;
    }

    /**
     * Spindle as the figures run it: {@code tweak} sets what the scenario needs on top of the builder's
     * defaults (workers, ring, batch bounds, wait mode...); completions come from the outcome listener.
     */
    public static Target spindle(final String prefix, final java.util.function.UnaryOperator<SpindleBuilder<Item>> tweak, final Target.Work work,
        final Target.Completion completion)
    {
        final SpindleBuilder<Item> builder = Spindle.builder(Item::new, (dev.spindle.engine.Batch<Item> batch) ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                work.run(batch.item(i).id);
                batch.succeed(i, null);
            }
        }).pinning(Pinning.NEVER).jmx(false).threadNamePrefix(prefix);
        if (completion != null)
        {
            builder.listener((item, outcome, result, reason) ->
            {
                if (outcome == Outcome.SUCCEEDED)
                {
                    completion.completed(item.id);
                }
            });
        }
        final Spindle<Item> spindle = tweak.apply(builder).build().start();
        final Item template = new Item();
        return new Target()
        {
            @Override
            public void send(final long id)
            {
                template.id = id;
                if (!spindle.publish(Item.COPY, template))
                {
                    throw new IllegalStateException("spindle refused item " + id);
                }
            }

            @Override
            public String threadPrefix()
            {
                return prefix;
            }

            @Override
            public String note()
            {
                final PerformanceReport report = spindle.report();
                return String.format(java.util.Locale.ROOT, "%s %s, %,d batches, %.1f items/batch", spindle.waitMode(),
                    spindle.dispatch(), report.batches(), report.meanItemsPerBatch());
            }

            @Override
            public void close()
            {
                spindle.close();
            }
        };
    }

    public static Target executor(final String prefix, final int workers, final Target.Work work, final Target.Completion completion)
    {
        final ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            named(prefix));
        pool.prestartAllCoreThreads();
        return tasks(prefix, pool, work, completion, "LinkedBlockingQueue, a task per item");
    }

    public static Target forkJoin(final String prefix, final int workers, final Target.Work work, final Target.Completion completion)
    {
        final AtomicInteger n = new AtomicInteger();
        final ForkJoinPool pool = new ForkJoinPool(workers, p ->
        {
            final java.util.concurrent.ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName(prefix + "-" + n.getAndIncrement());
            return thread;
        }, null, false);
        return tasks(prefix, pool, work, completion, "external execute, a task per item");
    }

    private static Target tasks(final String prefix, final ExecutorService pool, final Target.Work work, final Target.Completion completion,
        final String note)
    {
        return new Target()
        {
            @Override
            public void send(final long id)
            {
                pool.execute(() ->
                {
                    work.run(id);
                    if (completion != null)
                    {
                        completion.completed(id);
                    }
                });
            }

            @Override
            public String threadPrefix()
            {
                return prefix;
            }

            @Override
            public String note()
            {
                return note;
            }

            @Override
            public void close()
            {
                pool.shutdown();
                try
                {
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** A raw Disruptor: one handler thread per worker, handler k takes the sequences where {@code sequence % workers == k}. */
    public static Target disruptor(final String prefix, final int workers, final WaitMode wait, final Target.Work work,
        final Target.Completion completion)
    {
        final WaitStrategy strategy = wait == WaitMode.YIELDING ? new YieldingWaitStrategy() : new BlockingWaitStrategy();
        final RingBuffer<Item> ring = RingBuffer.createSingleProducer(Item::new, RING, strategy);
        final SequenceBarrier barrier = ring.newBarrier();
        final BatchEventProcessor<?>[] processors = new BatchEventProcessor<?>[workers];
        final Thread[] threads = new Thread[workers];
        for (int k = 0; k < workers; k++)
        {
            final int shard = k;
            final EventHandler<Item> handler = (event, sequence, endOfBatch) ->
            {
                if (sequence % workers == shard)
                {
                    work.run(event.id);
                    if (completion != null)
                    {
                        completion.completed(event.id);
                    }
                }
            };
            final BatchEventProcessor<Item> processor = new BatchEventProcessorBuilder().build(ring, barrier, handler);
            ring.addGatingSequences(processor.getSequence());
            processors[k] = processor;
            threads[k] = new Thread(processor, prefix + "-" + k);
            threads[k].setDaemon(true);
            threads[k].start();
        }
        final EventTranslatorOneArg<Item, Item> copy = (event, sequence, from) -> event.id = from.id;
        final Item template = new Item();
        return new Target()
        {
            @Override
            public void send(final long id)
            {
                template.id = id;
                ring.publishEvent(copy, template);
            }

            @Override
            public String threadPrefix()
            {
                return prefix;
            }

            @Override
            public String note()
            {
                return strategy.getClass().getSimpleName() + ", sharded handlers";
            }

            @Override
            public void close()
            {
                for (final BatchEventProcessor<?> processor : processors)
                {
                    processor.halt();
                }
                for (final Thread thread : threads)
                {
                    try
                    {
                        thread.join(TimeUnit.SECONDS.toMillis(30));
                    }
                    catch (final InterruptedException e)
                    {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    private static ThreadFactory named(final String prefix)
    {
        final AtomicInteger n = new AtomicInteger();
        return r ->
        {
            final Thread thread = new Thread(r, prefix + "-" + n.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
