package dev.spindle.engine.dispatch;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.WorkerMeters;
import dev.spindle.engine.tune.CutterControls;
import java.lang.System.Logger.Level;

/**
 * One worker thread's duty cycle: get the next batch from the source (cut it, or take it from the
 * mailbox), run the processor on it (bisecting to the poison item when it throws), deliver the
 * outcomes, give the box back. A batch that had not started when the engine was shut down is not
 * run: its items are REJECTED. A thread the watchdog gave up on leaves as soon as its processor returns.
 */
final class Worker<T> implements Runnable
{
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final WorkerSlot<T> slot;
    private final int generation;
    private final BatchSource<T> source;
    private final BatchProcessor<T> processor;
    private final OutcomeDelivery<T> delivery;
    private final EngineState state;
    private final CutterControls controls;
    private final Publisher<T> publisher;
    private final CpuPinning pinning;
    private final JournalTap<? super T> tap;
    private final boolean tapped;
    private final boolean listened;
    private final long batchTimeoutNanos;
    private final double timeoutNanosPerUnit;
    private final Idler idler;
    private final Parker parker;
    private final WorkerMeters meters;
    private final WorkCondition hasWork;
    private final WorkCondition activated;
    private boolean bisected;
    private int seenVersion;

    Worker(final WorkerSlot<T> slot, final int generation, final EngineConfig<T> config, final BatchSource<T> source,
        final OutcomeDelivery<T> delivery, final EngineState state, final CutterControls controls, final Publisher<T> publisher,
        final CpuPinning pinning)
    {
        this.slot = slot;
        this.generation = generation;
        this.source = source;
        this.processor = config.processor();
        this.delivery = delivery;
        this.state = state;
        this.controls = controls;
        this.publisher = publisher;
        this.pinning = pinning;
        this.tap = config.tap();
        this.tapped = config.tapped();
        this.listened = config.listened();
        this.batchTimeoutNanos = config.batchTimeoutNanos();
        this.timeoutNanosPerUnit = config.cost().timeoutNanosPerUnit();
        this.idler = Idler.create(config.waitMode());
        this.parker = source.parker(slot);
        this.meters = slot.meters;
        this.hasWork = () -> source.hasWork(slot) || stateMoved();
        this.activated = () -> slot.id < controls.activeWorkers() || stateMoved();
    }

    @Override
    public void run()
    {
        final Object lock = pinning.pinCurrentThread(slot);
        try
        {
            loop();
        }
        finally
        {
            pinning.release(lock);
        }
    }

    private boolean stateMoved()
    {
        return state.version() != seenVersion || slot.generation != generation;
    }

    private void loop()
    {
        while (slot.generation == generation)
        {
            seenVersion = state.version();
            if (state.workersStopping())
            {
                return;
            }
            if (slot.id >= controls.activeWorkers() && !state.drainRequested() && !slot.handedWork())
            {
                slot.wakeup.park(activated, Long.MAX_VALUE); // parked by the tuner (after running what it was handed); a knob change wakes it
                continue;
            }
            final long start = source.take(slot);
            if (start == BatchSource.NOTHING)
            {
                idler.idle(parker, hasWork, Long.MAX_VALUE);
                continue;
            }
            idler.reset();
            final Box<T> box = slot.taken;
            if (state.rejecting())
            {
                reject(box, box.batch());
            }
            else if (!runBatch(box, box.batch(), start))
            {
                return;
            }
        }
    }

    /** Returns false when the watchdog abandoned this thread. */
    private boolean runBatch(final Box<T> box, final BatchSlot<T> batch, final long start)
    {
        batch.workerId = slot.id;
        meters.started(batch.closeReason);
        slot.runningSince = start;
        slot.runningDeadline = Math.min(saturatedAdd(start, timeoutOf(batch)), batch.earliestDeadline);
        slot.runningBox = box;
        slot.runningBatchId = batch.batchId;
        if (tapped)
        {
            tap.batchStarted(batch.batchId, slot.id, slot.pinnedCpu, start);
        }

        bisected = false;
        runRange(batch, 0, batch.size);

        final long end = System.nanoTime();
        if (!batch.tryBeginComplete())
        {
            // The watchdog timed the batch out and already replaced this thread; let go of the batch.
            awaitTimedOut(batch);
            batch.markReturned();
            return false;
        }
        slot.runningBatchId = WorkerSlot.NOT_RUNNING;
        final boolean allSucceeded = !batch.anyFailed();
        if (tapped)
        {
            tap.batchFinished(batch.batchId, slot.id, start, end, bisected, allSucceeded);
        }
        meters.latency.recordBatch(batch, start, end);
        if (!bisected)
        {
            meters.observations.add(end - start, batch.size, batch.complexity, batch.featureSums); // a bisected batch's time says nothing about its cost
        }
        deliver(batch, allSucceeded);
        meters.finished(end - start, batch.size, batch.complexity, batch.budgetAtCut > 0 ? batch.complexity / batch.budgetAtCut : 0);
        batch.recycle();
        source.done(slot, box);
        return true;
    }

    private void deliver(final BatchSlot<T> batch, final boolean allSucceeded)
    {
        final int n = batch.size;
        final boolean futures = publisher.futuresSeen();
        if (allSucceeded && !listened && !futures)
        {
            meters.outcomes.add(Outcome.SUCCEEDED, n); // the tap heard of them through batchFinished
            return;
        }
        for (int k = 0; k < n; k++)
        {
            final Slot<T> item = batch.slot(k);
            final boolean failed = batch.failedAt(k);
            delivery.deliver(item.item(), failed ? Outcome.FAILED : Outcome.SUCCEEDED, failed ? null : batch.resultAt(k),
                failed ? batch.reasonAt(k) : null, futures ? item.future : null, meters.outcomes, !allSucceeded);
        }
    }

    /** A batch that had not started when the engine was shut down: not run, every item REJECTED. */
    private void reject(final Box<T> box, final BatchSlot<T> batch)
    {
        for (int k = 0; k < batch.size; k++)
        {
            final Slot<T> item = batch.slot(k);
            delivery.deliver(item.item(), Outcome.REJECTED, null, Cutter.NOT_STARTED, item.future, meters.outcomes, true);
        }
        batch.recycle();
        source.done(slot, box);
    }

    private void runRange(final BatchSlot<T> batch, final int offset, final int length)
    {
        batch.view(offset, length);
        try
        {
            processor.process(batch);
        }
        catch (final Throwable t)
        {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError))
            {
                LOG.log(Level.ERROR, "processor threw " + t + " on batch " + batch.batchId + "; failing its items", t);
            }
            bisected = true;
            if (batch.isAbandoned())
            {
                return;
            }
            if (length == 1)
            {
                batch.failAt(offset, describe(t));
                return;
            }
            final int half = length >>> 1;
            runRange(batch, offset, half);
            runRange(batch, offset + half, length - half);
        }
    }

    private static String describe(final Throwable t)
    {
        final String message = t.getMessage();
        return "processor threw " + t.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static void awaitTimedOut(final BatchSlot<?> batch)
    {
        while (batch.state() == BatchSlot.ABANDONED)
        {
            Thread.onSpinWait();
        }
    }

    /** The batch timeout plus the cost function's allowance for this batch's complexity. */
    private long timeoutOf(final BatchSlot<T> batch)
    {
        if (timeoutNanosPerUnit == 0)
        {
            return batchTimeoutNanos;
        }
        final double extra = batch.complexity * timeoutNanosPerUnit;
        return saturatedAdd(batchTimeoutNanos, extra >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) extra);
    }

    private static long saturatedAdd(final long a, final long b)
    {
        final long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
