package dev.spindle.engine.dispatch;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.OutcomeCounter;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.agrona.concurrent.Agent;

/**
 * The seed's health check, done so that it can act: a duty-cycle agent that looks at each worker's
 * running batch and, once it is past its deadline, wins the batch from its worker, times its items
 * out, gives the ring slots fresh items (the stuck thread keeps the ones it reads), releases the
 * slots, gives the box a fresh batch slot and the position a new thread, and interrupts the stuck
 * one. The pool keeps its size and the ring keeps moving; a processor that never returns leaks its
 * thread, its batch slot and the items it held, nothing more.
 */
final class Watchdog<T> implements Agent
{
    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());

    private final WorkerSlot<T>[] workers;
    private final OutcomeDelivery<T> delivery;
    private final Supplier<? extends T> factory;
    private final Supplier<BatchSlot<T>> freshBatch;
    private final Launcher<T> launcher;
    private final BatchSource<T> source;
    private final Quiescence quiescence;
    private final long batchTimeoutNanos;
    final OutcomeCounter outcomes = new OutcomeCounter.SingleWriter();
    private final AtomicLong replaced = new AtomicLong();

    Watchdog(final WorkerSlot<T>[] workers, final OutcomeDelivery<T> delivery, final Supplier<? extends T> factory,
        final Supplier<BatchSlot<T>> freshBatch, final Launcher<T> launcher, final BatchSource<T> source, final Quiescence quiescence,
        final long batchTimeoutNanos)
    {
        this.quiescence = quiescence;
        this.workers = workers;
        this.delivery = delivery;
        this.factory = factory;
        this.freshBatch = freshBatch;
        this.launcher = launcher;
        this.source = source;
        this.batchTimeoutNanos = batchTimeoutNanos;
    }

    @Override
    public int doWork()
    {
        int work = 0;
        final long now = System.nanoTime();
        for (final WorkerSlot<T> worker : workers)
        {
            final long batchId = worker.runningBatchId;
            final Box<T> box = worker.runningBox;
            final long deadline = worker.runningDeadline;
            final long since = worker.runningSince;
            if (batchId != WorkerSlot.NOT_RUNNING && worker.runningBatchId == batchId && now - deadline > 0)
            {
                work += abandon(worker, box, batchId, now - since, deadline - since);
            }
        }
        source.sweep(now);
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

    private int abandon(final WorkerSlot<T> worker, final Box<T> box, final long batchId, final long ranNanos, final long allowedNanos)
    {
        final BatchSlot<T> batch = box.batch();
        if (!batch.tryAbandon(batchId))
        {
            return 0; // the worker finished first
        }
        final String reason = "batch " + batchId + " ran " + ranNanos / 1_000_000 + " ms on worker " + worker.id
            + ", past its deadline (" + allowedNanos / 1_000_000 + " ms: the batch timeout of " + batchTimeoutNanos / 1_000_000
            + " ms with its cost's allowance, or an item deadline); worker replaced";
        for (int k = 0; k < batch.size; k++)
        {
            final Slot<T> slot = batch.slot(k);
            delivery.deliver(slot.item(), Outcome.TIMED_OUT, null, reason, slot.future, outcomes, true);
        }
        batch.markTimedOut();
        batch.detach(factory);
        box.replace(freshBatch.get());

        final Thread stuck = worker.thread;
        worker.runningBatchId = WorkerSlot.NOT_RUNNING;
        box.release();
        box.mailbox.clear(); // behind a cutter thread the box is free again (where workers cut, its mailbox is never used)
        replaced.incrementAndGet(); // before the replacement can run anything: whoever sees its outcomes sees the count
        launcher.replace(worker);
        if (stuck != null)
        {
            stuck.interrupt();
        }
        source.wakeAll();
        quiescence.check();
        LOG.log(Level.WARNING, "spindle: " + reason);
        return 1;
    }

    /** Starts a fresh thread in a worker position. */
    @FunctionalInterface
    interface Launcher<T>
    {
        void replace(WorkerSlot<T> slot);
    }
}
