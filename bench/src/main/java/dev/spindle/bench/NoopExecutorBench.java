package dev.spindle.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Baseline: a fixed ThreadPoolExecutor on an unbounded LinkedBlockingQueue, a task per item. */
public class NoopExecutorBench extends ExecutorServiceNoop
{
    @Override
    protected ExecutorService start(final int workers)
    {
        final ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        executor.prestartAllCoreThreads();
        return executor;
    }
}
