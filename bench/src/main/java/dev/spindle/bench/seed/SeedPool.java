package dev.spindle.bench.seed;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The seed's MLWorkerPool on plain Java threads. The calling thread plays the JavaScript main thread:
 * {@code calculate()} batches (SeedBatcher), then {@code processBatchesWithScheduling()} starts one batch
 * per worker and one more per completion, each through {@code scheduleTask()} (SeedQueue) and
 * {@code assignTaskToWorker()} / {@code findBestAvailableWorker()} ({@code calculateWorkerScore()}: 100
 * + max(0, 50 - avg ms / 100) - 2 × tasks + 5 if idle over 1 s); workers are threads with a one-slot
 * mailbox (postMessage) that post a completion message back; the 5 s tuner tick (SeedTuner) runs between
 * messages, as setInterval does. Trade-off (the seed's): one thread decides everything, so every batch
 * costs two cross-thread hand-offs and a results barrier per batch.
 */
public final class SeedPool implements AutoCloseable
{
    /** Told on the calling thread when a batch's results arrive (all its files complete at once). */
    @FunctionalInterface
    public interface BatchDone
    {
        void done(SeedBatch batch, long nowNanos);
    }

    private final SeedWorker[] workers;
    private final BlockingQueue<SeedWorker.Completion> messages = new LinkedBlockingQueue<>();
    private final SeedQueue<SeedBatch> taskQueue = new SeedQueue<>();
    private double threshold = SeedBatcher.START_THRESHOLD;
    private long nextTickMillis;
    private int batchesRun;

    public SeedPool(final int workers, final String threadPrefix, final IntConsumer body)
    {
        this.workers = new SeedWorker[workers];
        for (int i = 0; i < workers; i++)
        {
            this.workers[i] = new SeedWorker(i, threadPrefix + "-worker-" + i, body, messages);
        }
        this.nextTickMillis = System.currentTimeMillis() + SeedTuner.INTERVAL_MILLIS;
    }

    /** The seed's calculate(files): returns when every batch's results are in. */
    public void calculate(final double[] complexity, final int[] priority, final BatchDone done) throws InterruptedException
    {
        tick();
        final List<SeedBatch> batches = SeedBatcher.create(complexity, priority, threshold, workers.length);
        int next = 0;
        int active = 0;
        while (next < batches.size() && active < workers.length)
        {
            scheduleTask(batches.get(next++));
            active++;
        }
        while (active > 0)
        {
            final SeedWorker.Completion c = messages.poll(Math.max(1, nextTickMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (c == null)
            {
                tick();
                continue;
            }
            c.worker().completed(System.nanoTime()); // the seed times a task on its main thread, message delay included
            done.done(c.batch(), System.nanoTime());
            assignTaskToWorker();
            active--;
            if (next < batches.size())
            {
                scheduleTask(batches.get(next++));
                active++;
            }
        }
        batchesRun += batches.size();
    }

    public double threshold()
    {
        return threshold;
    }

    public int batchesRun()
    {
        return batchesRun;
    }

    private void tick()
    {
        for (long now = System.currentTimeMillis(); now >= nextTickMillis; nextTickMillis += SeedTuner.INTERVAL_MILLIS)
        {
            int busy = 0;
            for (final SeedWorker w : workers)
            {
                busy += w.busy() ? 1 : 0;
            }
            threshold = SeedTuner.next(threshold, 100.0 * busy / workers.length);
        }
    }

    private void scheduleTask(final SeedBatch batch)
    {
        taskQueue.enqueue(batch, batch.priority());
        assignTaskToWorker();
    }

    private void assignTaskToWorker()
    {
        if (taskQueue.isEmpty())
        {
            return;
        }
        SeedWorker best = null;
        final long nowMillis = System.currentTimeMillis();
        for (final SeedWorker w : workers)
        {
            if (!w.busy() && (best == null || w.score(nowMillis) > best.score(nowMillis)))
            {
                best = w;
            }
        }
        if (best != null)
        {
            best.execute(taskQueue.dequeue());
        }
    }

    @Override
    public void close()
    {
        for (final SeedWorker w : workers)
        {
            w.stop();
        }
    }

    /** Worker threads, for allocation and CPU accounting. */
    public Thread[] threads()
    {
        final Thread[] t = new Thread[workers.length];
        for (int i = 0; i < t.length; i++)
        {
            t[i] = workers[i].thread();
        }
        return t;
    }

    static BlockingQueue<SeedBatch> mailbox()
    {
        return new ArrayBlockingQueue<>(1);
    }
}
