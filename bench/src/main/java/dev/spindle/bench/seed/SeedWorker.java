package dev.spindle.bench.seed;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * One worker of {@link SeedPool}: a thread taking batches from a one-slot mailbox and posting a completion
 * message back, plus the statistics the seed keeps per worker (status, taskCount, avgProcessingTime as
 * (avg + t) / 2 in ms, lastTaskTime), which only the pool's calling thread reads or writes, except status.
 */
final class SeedWorker
{
    record Completion(SeedWorker worker, SeedBatch batch, long endNanos)
    {
    }

    private static final SeedBatch STOP = new SeedBatch(new int[0], 0, 0, 0);

    private final BlockingQueue<SeedBatch> mailbox = SeedPool.mailbox();
    private final Thread thread;
    private volatile boolean busy;
    private int taskCount;
    private double avgProcessingMillis;
    private long lastTaskMillis;
    private long startNanos;

    SeedWorker(final int id, final String name, final IntConsumer body, final BlockingQueue<Completion> messages)
    {
        this.thread = new Thread(() ->
        {
            try
            {
                for (SeedBatch batch = mailbox.take(); batch != STOP; batch = mailbox.take())
                {
                    for (final int item : batch.items())
                    {
                        body.accept(item);
                    }
                    messages.add(new Completion(this, batch, System.nanoTime()));
                }
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** calculateWorkerScore(). */
    double score(final long nowMillis)
    {
        final double performanceBonus = avgProcessingMillis > 0 ? Math.max(0, 50 - avgProcessingMillis / 100) : 0;
        final double loadPenalty = taskCount * 2;
        final double recencyBonus = nowMillis - lastTaskMillis > 1000 ? 5 : 0;
        return 100 + performanceBonus - loadPenalty + recencyBonus;
    }

    /** executeTask(): mark busy, count, post the batch. */
    void execute(final SeedBatch batch)
    {
        busy = true;
        taskCount++;
        startNanos = System.nanoTime();
        mailbox.add(batch);
    }

    /** handleTaskCompletion()'s worker statistics. */
    void completed(final long endNanos)
    {
        busy = false;
        lastTaskMillis = System.currentTimeMillis();
        avgProcessingMillis = (avgProcessingMillis + (endNanos - startNanos) / 1e6) / 2;
    }

    boolean busy()
    {
        return busy;
    }

    Thread thread()
    {
        return thread;
    }

    /** Ends the thread once its mailbox is empty (between calculate() calls it always is). */
    void stop()
    {
        mailbox.add(STOP);
        try
        {
            thread.join();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
