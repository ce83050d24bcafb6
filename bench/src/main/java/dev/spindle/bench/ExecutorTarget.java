package dev.spindle.bench;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The latency baseline: a fixed ThreadPoolExecutor on a LinkedBlockingQueue, one new task per item. */
final class ExecutorTarget implements PacedTarget
{
    private final LatencyProbe probe;
    private final ThreadPoolExecutor executor;

    ExecutorTarget(final LatencyProbe probe, final int workers)
    {
        this.probe = probe;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        executor.prestartAllCoreThreads();
    }

    @Override
    public String name()
    {
        return "executor";
    }

    @Override
    public void send(final int id)
    {
        final LatencyProbe p = probe;
        executor.execute(() -> p.completed(id));
    }

    @Override
    public void close() throws InterruptedException
    {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("executor did not terminate");
        }
    }
}
