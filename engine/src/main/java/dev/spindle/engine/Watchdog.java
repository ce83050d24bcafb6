package dev.spindle.engine;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;

/**
 * The seed's health check, done so that it can act: a duty-cycle agent that looks at each worker's
 * running batch and, once it is past its deadline, times its items out, gives the worker slot to a
 * new thread and interrupts the stuck one. The pool keeps its size; the stuck thread's batch slot
 * stays out of use until that thread returns, so a processor that never returns leaks one slot.
 */
final class Watchdog implements Agent
{
    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());

    private final WorkerSlot[] workers;
    private final BatchSlot[] batches;
    private final OutcomeDelivery delivery;
    private final WorkerLauncher launcher;
    private final Wakeup cutterWakeup;
    private final long batchTimeoutNanos;
    final OutcomeCounter outcomes = new OutcomeCounter.SingleWriter();
    private final AtomicLong replaced = new AtomicLong();

    Watchdog(final WorkerSlot[] workers, final BatchSlot[] batches, final OutcomeDelivery delivery, final WorkerLauncher launcher,
        final Wakeup cutterWakeup, final long batchTimeoutNanos)
    {
        this.workers = workers;
        this.batches = batches;
        this.delivery = delivery;
        this.launcher = launcher;
        this.cutterWakeup = cutterWakeup;
        this.batchTimeoutNanos = batchTimeoutNanos;
    }

    @Override
    public int doWork()
    {
        int work = 0;
        final long now = System.nanoTime();
        for (final WorkerSlot worker : workers)
        {
            final long batchId = worker.runningBatchId;
            final int batchIndex = worker.runningSlot;
            final long deadline = worker.runningDeadline;
            final long since = worker.runningSince;
            if (batchId != WorkerSlot.NOT_RUNNING && worker.runningBatchId == batchId && now - deadline > 0)
            {
                work += abandon(worker, batches[batchIndex], batchId, now - since);
            }
        }
        return work;
    }

    @Override
    public String roleName()
    {
        return "spindle-watchdog";
    }

    long replaced()
    {
        return replaced.get();
    }

    private int abandon(final WorkerSlot worker, final BatchSlot batch, final long batchId, final long ranNanos)
    {
        if (!batch.tryAbandon(batchId))
        {
            return 0; // the worker finished first
        }
        final String reason = "batch " + batch.batchId + " ran " + ranNanos / 1_000_000 + " ms on worker " + worker.id
            + ", past its deadline (batch timeout " + batchTimeoutNanos / 1_000_000 + " ms or an item deadline); worker replaced";
        for (int i = 0; i < batch.size; i++)
        {
            delivery.deliver(batch.items[i], Outcome.TIMED_OUT, null, reason, outcomes);
        }
        batch.markTimedOut();

        final Thread stuck = worker.thread;
        worker.runningBatchId = WorkerSlot.NOT_RUNNING;
        worker.current().clear();
        worker.turn ^= 1; // the replacement starts at the batch the cutter may have queued behind the stuck one
        replaced.incrementAndGet(); // before the replacement can run anything: whoever sees its outcomes sees the count
        launcher.replace(worker);
        if (stuck != null)
        {
            stuck.interrupt();
        }
        cutterWakeup.signal();
        LOG.log(Level.WARNING, "spindle: " + reason);
        return 1;
    }

    /** Starts a fresh thread in a worker slot. */
    @FunctionalInterface
    interface WorkerLauncher
    {
        void replace(WorkerSlot slot);
    }
}
