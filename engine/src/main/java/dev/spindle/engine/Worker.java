package dev.spindle.engine;

import java.lang.System.Logger.Level;

/**
 * One worker thread's duty cycle: take the batch the cutter put in this slot's current mailbox, run
 * the processor on it (bisecting to the poison item when it throws), deliver the outcomes, hand the
 * box back and turn to the other one. A batch taken after {@code shutdownNow()} never started, so
 * its items are REJECTED. A thread the watchdog gave up on leaves as soon as its processor returns.
 */
final class Worker implements Runnable
{
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final WorkerSlot slot;
    private final int generation;
    private final BatchSlot[] batches;
    private final BatchProcessor processor;
    private final OutcomeDelivery delivery;
    private final Wakeup cutterWakeup;
    private final Idler idler;
    private final EngineState state;
    private final long batchTimeoutNanos;
    private final CpuPinning pinning;
    private final JournalTap tap;
    private final Wakeup.WorkCondition hasWork;
    private boolean bisected;

    Worker(final WorkerSlot slot, final int generation, final BatchSlot[] batches, final EngineConfig config,
        final OutcomeDelivery delivery, final Wakeup cutterWakeup, final EngineState state, final CpuPinning pinning)
    {
        this.slot = slot;
        this.generation = generation;
        this.batches = batches;
        this.processor = config.processor();
        this.delivery = delivery;
        this.cutterWakeup = cutterWakeup;
        this.idler = Idler.create(config.waitMode());
        this.state = state;
        this.batchTimeoutNanos = config.batchTimeoutNanos();
        this.pinning = pinning;
        this.tap = config.tap();
        this.hasWork = () -> slot.current().peek() != Mailbox.EMPTY || state.workersStopping() || slot.generation != generation;
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

    private void loop()
    {
        while (slot.generation == generation)
        {
            final int batchIndex = slot.current().peek();
            if (batchIndex == Mailbox.EMPTY)
            {
                if (state.workersStopping())
                {
                    return;
                }
                idler.idle(slot.wakeup, hasWork, Long.MAX_VALUE);
                continue;
            }
            idler.reset();
            if (state.rejecting())
            {
                reject(batches[batchIndex]);
            }
            else if (!runBatch(batches[batchIndex]))
            {
                return;
            }
        }
    }

    /** Returns false when the watchdog abandoned this thread. */
    private boolean runBatch(final BatchSlot batch)
    {
        final long start = System.nanoTime();
        batch.workerId = slot.id;
        slot.runningSince = start;
        slot.runningDeadline = Math.min(saturatedAdd(start, batchTimeoutNanos), batch.earliestItemDeadline);
        slot.runningSlot = batch.index;
        slot.runningBatchId = batch.batchId;
        tap.batchStarted(batch.batchId, slot.id, slot.pinnedCpu, start);

        bisected = false;
        runRange(batch, 0, batch.size);

        final long end = System.nanoTime();
        if (!batch.tryBeginComplete())
        {
            // The watchdog timed the batch out and already replaced this thread; give the slot back.
            awaitTimedOut(batch);
            batch.markReturned();
            cutterWakeup.signal();
            return false;
        }
        slot.runningBatchId = WorkerSlot.NOT_RUNNING;
        final boolean allSucceeded = allSucceeded(batch);
        tap.batchFinished(batch.batchId, slot.id, start, end, bisected, allSucceeded);

        slot.latency.recordBatch(batch, start, end);
        if (!bisected)
        {
            slot.observations.add(batch, end - start); // a bisected batch's time says nothing about its cost
        }
        for (int i = 0; i < batch.size; i++)
        {
            final StagedItem item = batch.items[i];
            final Outcome outcome = item.settledOutcome == null ? Outcome.SUCCEEDED : item.settledOutcome;
            delivery.deliver(item, outcome, item.result, item.reason, slot.outcomes, !allSucceeded);
            item.clearReferences(); // here, off the cutter's thread, which only has to push it back on its free list
        }
        slot.addBatch(end - start, batch.size, batch.complexity, batch.budgetAtCut > 0 ? batch.complexity / batch.budgetAtCut : 0);
        batch.markCompleted();
        handBack();
        return true;
    }

    /** A batch that had not started when the engine was shut down: not run, every item REJECTED. */
    private void reject(final BatchSlot batch)
    {
        for (int i = 0; i < batch.size; i++)
        {
            final StagedItem item = batch.items[i];
            delivery.deliver(item, Outcome.REJECTED, null, BatchCutter.NOT_STARTED, slot.outcomes);
            item.clearReferences();
        }
        batch.markCompleted();
        handBack();
    }

    private void handBack()
    {
        final Mailbox box = slot.current();
        slot.turn ^= 1;
        box.clear();
        cutterWakeup.signal();
    }

    private void runRange(final BatchSlot batch, final int offset, final int length)
    {
        for (int i = offset; i < offset + length; i++)
        {
            batch.items[i].clearSettlement();
        }
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
                batch.items[offset].settle(Outcome.FAILED, null, describe(t));
                return;
            }
            final int half = length >>> 1;
            runRange(batch, offset, half);
            runRange(batch, offset + half, length - half);
        }
    }

    private static boolean allSucceeded(final BatchSlot batch)
    {
        for (int i = 0; i < batch.size; i++)
        {
            final Outcome outcome = batch.items[i].settledOutcome;
            if (outcome != null && outcome != Outcome.SUCCEEDED)
            {
                return false;
            }
        }
        return true;
    }

    private static String describe(final Throwable t)
    {
        final String message = t.getMessage();
        return "processor threw " + t.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static void awaitTimedOut(final BatchSlot batch)
    {
        while (batch.state() == BatchSlot.ABANDONED)
        {
            Thread.onSpinWait();
        }
    }

    private static long saturatedAdd(final long a, final long b)
    {
        final long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
