package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.tune.CutterControls;

/**
 * A dedicated cutter, for machines where it has a core of its own: it cuts batches ahead and puts
 * each in the mailbox of a worker it knows is idle (a guided-self-scheduling share), and while a full
 * batch per active worker waits, or the oldest item waited a linger, one more behind a busy
 * worker, which starts it without a round trip. A batch queued behind a worker that stays busy does
 * not wait for it: an idle worker takes (steals) it, the mailbox's CAS deciding who runs it.
 * Producers wake a parked cutter only while some worker is idle; with every worker busy the worker
 * that frees up wakes it, and one wake-up takes in everything that arrived meanwhile. Who gets a
 * batch and when the cutter looks again is {@link CutterDuty}'s, the policy the simulator runs too.
 */
final class CutterThread<T> implements BatchSource<T>, Runnable, CutterDuty.Crew
{

    private final SlotRing<T> ring;
    private final WorkerSlot<T>[] workers;
    private final Cutter<T> cutter;
    private final EngineState state;
    private final CutterControls controls;
    private final Quiescence quiescence;
    private final Wakeup wakeup;
    private final Idler idler;
    private final OutcomeCounter outcomes;
    private final WorkCondition hasWork = this::housekeepingDue;
    private final ItemsWanted wanted;
    private int seenVersion = -1;
    private long nextTimer = Long.MAX_VALUE;
    private boolean room = true;
    private long cycleNanos;
    private final int maxItems;

    CutterThread(final SlotRing<T> ring, final WorkerSlot<T>[] workers, final Cutter<T> cutter, final EngineState state, final CutterControls controls,
        final Quiescence quiescence, final Wakeup wakeup, final Idler idler, final OutcomeCounter outcomes, final ItemsWanted wanted)
    {
        this.wanted = wanted;
        this.ring = ring;
        this.maxItems = ring.maxBatchItems();
        this.workers = workers;
        this.cutter = cutter;
        this.state = state;
        this.controls = controls;
        this.quiescence = quiescence;
        this.wakeup = wakeup;
        this.idler = idler;
        this.outcomes = outcomes;
    }

    @Override
    public void run()
    {
        while (!state.workersStopping())
        {
            if (dutyCycle() > 0)
            {
                idler.reset();
            }
            else
            {
                idler.idle(wakeup, hasWork, parkNanos());
            }
        }
    }

    void owner(final Thread thread)
    {
        wakeup.owner(thread);
    }

    int dutyCycle()
    {
        seenVersion = state.version();
        final long now = System.nanoTime();
        int work = 0;
        if (state.rejecting())
        {
            cutter.rejectWaiting(now, outcomes);
        }
        else
        {
            if (cutter.nextTimerNanos() <= now)
            {
                cutter.expireDue(now, outcomes);
            }
            final int active = Math.min(workers.length, controls.activeWorkers());
            cycleNanos = now;
            work = CutterDuty.cycle(this, cutter, active, controls.complexityBudget(), maxItems, controls.lingerNanos(),
                state.drainRequested(), now);
            final boolean anyIdle = CutterDuty.anyIdle(this, active);
            room = CutterDuty.anyFreeBox(this, active);
            wanted.set(anyIdle);
        }
        ring.spaceFreed();
        quiescence.check();
        nextTimer = CutterDuty.nextTimer(now, cutter.nextTimerNanos(), room, cutter.oldestWaitingNanos(), controls.lingerNanos());
        return work;
    }

    @Override
    public boolean hasFreeBox(final int w)
    {
        return freeBox(w) != null;
    }

    @Override
    public boolean handOver(final int w, final int sharers, final CloseReason reason)
    {
        final Box<T> box = freeBox(w);
        if (!cutter.cut(box, sharers, reason, cycleNanos, outcomes))
        {
            return false;
        }
        offer(w, box);
        return true;
    }

    /**
     * The worker runs nothing and nothing waits for it (a box of its may still be running a batch an
     * idle worker stole from it, so it has a free box to take a new one in).
     */
    @Override
    public boolean idle(final int w)
    {
        final WorkerSlot<T> worker = workers[w];
        return worker.runningBatchId == WorkerSlot.NOT_RUNNING && !worker.handedWork() && freeBox(w) != null;
    }

    /** One of the worker's boxes with nothing in it, or null. */
    private Box<T> freeBox(final int w)
    {
        final Box<T>[] boxes = workers[w].boxes;
        return boxes[0].mailbox.isEmpty() ? boxes[0] : boxes[1].mailbox.isEmpty() ? boxes[1] : null;
    }

    private void offer(final int w, final Box<T> box)
    {
        box.mailbox.offer();
        workers[w].wakeup.signal();
        if (anyIdleOtherThan(w))
        {
            wakeIdle(w); // a batch queued behind a busy worker is theirs to take if they are idle
        }
    }

    private boolean anyIdleOtherThan(final int w)
    {
        for (int v = 0; v < workers.length; v++)
        {
            if (v != w && idle(v))
            {
                return true;
            }
        }
        return false;
    }

    private void wakeIdle(final int w)
    {
        for (int v = 0; v < workers.length; v++)
        {
            if (v != w && idle(v))
            {
                workers[v].wakeup.signal();
            }
        }
    }

    /** Whether the cutter has something to do besides watching the ring (read by its own idle strategy). */
    private boolean housekeepingDue()
    {
        if (state.version() != seenVersion)
        {
            return true;
        }
        if (wanted.wanted() && cutter.mayHaveWork())
        {
            return true;
        }
        final int active = Math.min(workers.length, controls.activeWorkers());
        for (int w = 0; w < active; w++)
        {
            if (idle(w) && cutter.mayHaveWork())
            {
                return true;
            }
        }
        return nextTimer != Long.MAX_VALUE && System.nanoTime() >= nextTimer;
    }

    private long parkNanos()
    {
        final long now = System.nanoTime();
        final long until = CutterDuty.parkUntil(now, nextTimer, wanted.wanted(), controls.lingerNanos());
        return until == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, until - now);
    }

    /** Its own boxes first; an idle worker then takes a batch queued behind a busy one. */
    @Override
    public long take(final WorkerSlot<T> worker)
    {
        Box<T> box = takeOldest(worker.boxes);
        for (int w = 0; box == null && w < workers.length; w++)
        {
            if (workers[w] != worker)
            {
                box = takeOldest(workers[w].boxes);
            }
        }
        if (box == null)
        {
            return NOTHING;
        }
        worker.taken = box;
        return System.nanoTime();
    }

    /**
     * Takes the oldest batch waiting in {@code boxes}, or returns null. The cutter offers batches in id
     * order, so once one box is seen waiting, a second look sees every batch offered before it.
     */
    private static <T> Box<T> takeOldest(final Box<T>[] boxes)
    {
        while (anyWaiting(boxes))
        {
            Box<T> oldest = null;
            for (final Box<T> box : boxes)
            {
                if (box.mailbox.waiting() && (oldest == null || box.batch().batchId < oldest.batch().batchId))
                {
                    oldest = box;
                }
            }
            if (oldest != null && oldest.mailbox.take())
            {
                return oldest;
            }
        }
        return null;
    }

    private static <T> boolean anyWaiting(final Box<T>[] boxes)
    {
        for (final Box<T> box : boxes)
        {
            if (box.mailbox.waiting())
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasWork(final WorkerSlot<T> worker)
    {
        if (worker.handedWork())
        {
            return true;
        }
        for (final WorkerSlot<T> other : workers)
        {
            if (other != worker && other.handedWork())
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public Parker parker(final WorkerSlot<T> worker)
    {
        return worker.wakeup;
    }

    @Override
    public void done(final WorkerSlot<T> worker, final Box<T> box)
    {
        box.release();
        ring.spaceFreed();
        box.mailbox.clear();
        wakeup.signal();
    }

    @Override
    public void started(final WorkerSlot<T> worker)
    {
        worker.wakeup.owner(worker.thread);
    }

    @Override
    public void wakeAll()
    {
        wakeup.signal();
        for (final WorkerSlot<T> worker : workers)
        {
            worker.wakeup.signal();
        }
    }

    @Override
    public void sweep(final long now)
    {
        wakeup.signal(); // the cutter acts on its own timers; a tick only makes sure it looks
    }
}
