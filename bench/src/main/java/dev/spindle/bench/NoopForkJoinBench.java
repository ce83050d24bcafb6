package dev.spindle.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/** Baseline: a ForkJoinPool with parallelism = workers, a task per item submitted from outside the pool. */
public class NoopForkJoinBench extends ExecutorServiceNoop
{
    @Override
    protected ExecutorService start(final int workers)
    {
        return new ForkJoinPool(workers);
    }
}
