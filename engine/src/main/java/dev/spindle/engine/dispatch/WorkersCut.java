package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.tune.CutterControls;
import java.lang.invoke.VarHandle;

/**
 * Leader/follower without a leader thread: a worker that goes idle takes the cutting right (one CAS),
 * cuts its own next batch off the ring, gives the right back and runs the batch. No thread stands
 * between a producer and a worker, and the items a worker cuts are the items it runs, in its own
 * cache. When work remains after a cut, the cutter wakes one parked worker to take the next share;
 * when none remains, the next publish wakes one. Idle workers park (or spin) in their idle strategy.
 */
final class WorkersCut<T> implements BatchSource<T>
{
    private final Cutter<T> cutter;
    private final CutToken token = new CutToken();
    private final ParkedWorkers parked;
    private final EngineState state;
    private final CutterControls controls;
    private final Quiescence quiescence;
    private final OutcomeCounter sweepOutcomes;
    private final SlotRing<T> ring;

    WorkersCut(final SlotRing<T> ring, final Cutter<T> cutter, final ParkedWorkers parked, final EngineState state,
        final CutterControls controls, final Quiescence quiescence, final OutcomeCounter sweepOutcomes)
    {
        this.ring = ring;
        this.cutter = cutter;
        this.parked = parked;
        this.state = state;
        this.controls = controls;
        this.quiescence = quiescence;
        this.sweepOutcomes = sweepOutcomes;
    }

    @Override
    public long take(final WorkerSlot<T> worker)
    {
        parked.looking();
        if (!cutter.mayHaveWork() || !token.tryAcquire(worker.id))
        {
            return NOTHING;
        }
        final long now;
        final boolean cut;
        try
        {
            now = System.nanoTime();
            if (state.rejecting())
            {
                cutter.rejectWaiting(now, worker.meters.outcomes);
                cut = false;
            }
            else
            {
                cut = cutter.cut(worker.boxes[0], controls.activeWorkers(), CloseReason.IDLE_WORKER, now, worker.meters.outcomes);
            }
        }
        finally
        {
            token.release();
        }
        passOn();
        if (!cut)
        {
            ring.spaceFreed(); // a cut that found nothing may have rejected, timed out or skipped items
            quiescence.check();
            return NOTHING;
        }
        worker.taken = worker.boxes[0];
        return now;
    }

    /** After giving the right back: if work remains and a worker is parked, one of them takes the next share. */
    private void passOn()
    {
        VarHandle.fullFence();
        if (cutter.mayHaveWork())
        {
            parked.wakeOneUnlessPending();
        }
    }

    @Override
    public boolean hasWork(final WorkerSlot<T> worker)
    {
        return cutter.mayHaveWork() && token.isFree();
    }

    @Override
    public Parker parker(final WorkerSlot<T> worker)
    {
        return worker.parker;
    }

    @Override
    public void done(final WorkerSlot<T> worker, final Box<T> box)
    {
        box.release();
        ring.spaceFreed();
        quiescence.check();
    }

    @Override
    public void started(final WorkerSlot<T> worker)
    {
        parked.register(worker.id, worker.thread);
    }

    @Override
    public void wakeAll()
    {
        parked.wakeAll();
    }

    /** The housekeeping thread takes the cutting right for a moment to act on due deadlines (and stage what waits unread). */
    @Override
    public void sweep(final long now)
    {
        if (cutter.nextTimerNanos() > now || !token.tryAcquire(Integer.MAX_VALUE))
        {
            return;
        }
        try
        {
            cutter.expireDue(now, sweepOutcomes);
        }
        finally
        {
            token.release();
        }
        passOn();
        quiescence.check();
    }
}
