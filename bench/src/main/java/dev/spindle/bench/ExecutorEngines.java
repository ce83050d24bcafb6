package dev.spindle.bench;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
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

    static void stop(final String engine, final ThreadPoolExecutor executor) throws InterruptedException
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
