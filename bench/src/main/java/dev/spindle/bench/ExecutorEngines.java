package dev.spindle.bench;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plain ThreadPoolExecutor engines of {@link TunerShootout} ({@code executor}, {@code executor-8k}):
 * a fixed pool of the shootout's workers on an unbounded queue, started before and stopped after a run.
 */
final class ExecutorEngines
{
    private ExecutorEngines()
    {
    }

    static ThreadPoolExecutor start(final String engine, final int workers)
    {
        final ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
            named(RunSupport.threadPrefix(engine) + "-worker-"));
        executor.prestartAllCoreThreads();
        return executor;
    }

    /** A ForkJoinPool whose workers carry the engine's thread prefix (CPU accounting finds them by name). */
    static ForkJoinPool startForkJoin(final String engine, final int workers)
    {
        final String prefix = RunSupport.threadPrefix(engine) + "-worker-";
        final AtomicInteger next = new AtomicInteger();
        return new ForkJoinPool(workers, pool ->
        {
            final ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(prefix + next.getAndIncrement());
            return thread;
        }, null, false);
    }

    static void stop(final String engine, final ExecutorService executor) throws InterruptedException
    {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.MINUTES))
        {
            throw new IllegalStateException(engine + " did not finish");
        }
    }

    private static ThreadFactory named(final String prefix)
    {
        final AtomicInteger next = new AtomicInteger();
        return r ->
        {
            final Thread thread = new Thread(r, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
