package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Dispatch;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.dispatch.CutterDuty;
import dev.spindle.engine.dispatch.PriorityLanes;
import dev.spindle.journal.JournalFormat;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunFooter;
import dev.spindle.journal.RunHeader;
import java.util.Arrays;

/**
 * One simulated run: the engine's ring, cutting and workers on a simulated nanosecond clock, stepping
 * from event to event (an arrival, a worker looking at the ring, a batch completion, a cutter timer,
 * an interval boundary). Staging and sizing are the engine's own code: items wait in a
 * {@link PriorityLanes} (one lane when the recording cut ring ranges in place, its lanes when its
 * items had priorities) and each batch is a CutSizing share ({@link SimCutter}), cut by the loop of the engine's
 * range and lane cutters. Who cuts follows the dispatch:
 * <ul>
 * <li>WORKERS_CUT: a worker that frees up looks at the ring (after the completion dispatch) and cuts
 *     its own share of what has arrived; a publish wakes one parked worker at a time (it looks after
 *     the arrival dispatch), and a worker that cut passes the wake-up on while work remains. Nothing
 *     is cut while every worker is busy.</li>
 * <li>CUTTER_THREAD: the cutter's duty cycle (on a publish while a worker idles, on a completion, at
 *     the linger timer, and once a linger while every worker is busy) cuts a share for each idle
 *     worker, then, while a full batch per active worker waits or the oldest item has waited a
 *     linger, one full batch behind each busy worker that has none queued; the worker starts it when
 *     it finishes.</li>
 * </ul>
 * The cutter thread's choices are the engine's {@link CutterDuty}; the tuner is the engine's
 * {@code TuningLoop} ({@link SimTuning}); a batch's work runs on the simulated cores ({@link SimCores}) after its hand-off,
 * wake-up and per-item dispatch latencies; the producer offers each item its recorded gap after the
 * one before ({@link ProducerGaps}). The price of simplicity: the cutting itself takes no simulated
 * time, an idle worker does not steal a batch queued behind a busy one, and every event goes straight
 * into a {@link SimulatedRunBuilder}, so the result is a {@link RecordedRun} like any other. Single use.
 */
final class Simulation implements CutterDuty.Crew, CutterDuty.Backlog
{
    private static final long NOT_SCHEDULED = Long.MAX_VALUE;

    private final RecordedWorkload w;
    private final long[] work;
    private final SimulationConfig config;
    private final Overheads overheads;
    private final OverheadEstimate estimate;
    private final SimulatedRunBuilder out;
    private final SimArrivals arrivals;
    private final long[] submitAt;
    private final boolean cutterThread;
    private final PriorityLanes lanes;
    private final SimCutter cutter;

    private final SimRing ring;

    private final SimBatch[] running;
    private final SimBatch[] queued;
    private final long[] freeAt;
    /** WORKERS_CUT: when a woken or freed worker looks at the ring; {@link #NOT_SCHEDULED} while it is parked or busy. */
    private final long[] lookAt;
    private boolean wakePending;
    /** CUTTER_THREAD: when the cutter runs its next duty cycle, and whether a publish wakes it (some active worker idles). */
    private long cutterAt = NOT_SCHEDULED;
    private boolean wanted = true;
    private long lastCycle;
    private final double backgroundThreads;
    /** The batches on the simulated cores (a batch is in {@link #running} from its hand-over, then waits out its dispatch). */
    private SimCores cores;

    /** The tuner, null when the simulation has none. */
    private final SimTuning tuner;

    private double budget;
    private long linger;
    private int active;
    private long now;
    private int settled;
    private long succeeded;
    private long failed;
    private long rejected;
    private double busyNanos;

    /** @param backgroundThreads the recording's background load, in threads' worth of demand on the simulated cores */
    Simulation(final RecordedWorkload w, final OverheadEstimate estimate, final SimulationConfig config, final double backgroundThreads,
        final int recordedRing)
    {
        this.backgroundThreads = backgroundThreads;
        this.w = w;
        this.out = new SimulatedRunBuilder(w);
        this.work = estimate.workNanos();
        this.estimate = estimate;
        this.config = config;
        this.overheads = config.overheads() != null ? config.overheads() : estimate.overheads();
        this.arrivals = new SimArrivals(w, config, recordedRing);
        this.submitAt = new long[w.size];
        this.cutterThread = config.dispatch() == Dispatch.CUTTER_THREAD;
        this.ring = new SimRing(config.ringSize(), w.size);
        this.lanes = new PriorityLanes(w.laned ? w.lanes : 1, Math.max(1, w.size), config.agingBoundNanos(), new SimItems(w, submitAt, ring));
        this.cutter = new SimCutter(w, work, lanes, ring, config.maxBatchItems());
        this.running = new SimBatch[config.workers()];
        this.queued = new SimBatch[config.workers()];
        this.freeAt = new long[config.workers()];
        Arrays.fill(freeAt, Long.MIN_VALUE);
        this.lookAt = new long[config.workers()];
        Arrays.fill(lookAt, NOT_SCHEDULED);
        this.tuner = config.tuning() == null ? null : new SimTuning(config.tuning(), config.workers(), config.intervalNanos());
        this.budget = config.complexityBudget();
        this.linger = tuner == null ? config.maxLingerNanos() : tuner.knobs().lingerNanos();
        this.active = tuner == null ? config.workers() : tuner.activeWorkers();
    }

    RecordedRun run(final RecordedRun recorded, final String processor)
    {
        final RunInfo info = recorded.header().engine();
        final long start = Math.min(info.startNanos(), w.firstSubmitNanos());
        now = arrivals.pending() ? arrivals.nextAt() : start;
        cores = new SimCores(config.workers(), config.cores() == 0 ? Double.POSITIVE_INFINITY : config.cores(), backgroundThreads, start, now,
            estimate.warmUp(), overheads.fixedNanosPerBatch());
        if (tuner != null)
        {
            tuner.start(start);
        }
        while (settled < w.size)
        {
            startDue();
            completeDue();
            if (tuner != null && now >= tuner.nextAt())
            {
                closeInterval(tuner.nextAt());
            }
            admit();
            dispatch();
            if (settled == w.size)
            {
                break;
            }
            final long next = nextEvent();
            if (next == Long.MAX_VALUE)
            {
                throw new IllegalStateException("simulation stalled at " + now + " with " + (w.size - settled) + " item(s) unsettled");
            }
            final long to = Math.max(now, Math.min(next, tuner == null ? Long.MAX_VALUE : tuner.nextAt()));
            cores.advanceTo(to);
            now = to;
        }
        if (tuner != null && tuner.openAt(now))
        {
            closeInterval(now);
        }
        final double utilization = Math.min(1.0, busyNanos / ((double)config.workers() * Math.max(1, now - start)));
        final RunHeader header = new RunHeader(JournalFormat.VERSION, config.runInfo(info, start), "simulate", recorded.header().source(),
            processor, -1);
        return out.build(header, new RunFooter(now, w.size, succeeded, failed, rejected, 0, cutter.batches(), utilization));
    }

    /** The next arrival, completion, look or cutter timer; interval boundaries come on top and cannot keep a stalled run going. */
    private long nextEvent()
    {
        long next = cores.nextEnd();
        for (int worker = 0; worker < running.length; worker++)
        {
            if (running[worker] != null && !cores.running(worker))
            {
                next = Math.min(next, running[worker].startNanos);
            }
        }
        if (arrivals.pending() && (ring.hasRoom() || config.rejectWhenFull()))
        {
            next = Math.min(next, arrivals.nextAt());
        }
        if (cutterThread)
        {
            next = Math.min(next, cutterAt);
        }
        else
        {
            for (final long look : lookAt)
            {
                next = Math.min(next, look);
            }
        }
        return next;
    }

    /** The producer publishes what is due, one item at a time, while the ring has room (or refuses it, under TRY). */
    private void admit()
    {
        while (arrivals.pending() && arrivals.nextAt() <= now)
        {
            final int item = arrivals.next();
            if (ring.hasRoom())
            {
                publish(item);
            }
            else if (config.rejectWhenFull())
            {
                out.submitted(item, now, false);
                settle(item, Outcome.REJECTED, "ring full (simulated backpressure TRY, " + config.ringSize() + " slots)");
            }
            else
            {
                return; // BLOCK: the producer waits for a slot to free
            }
            arrivals.sent(now);
            if (tuner != null)
            {
                tuner.arrived();
            }
        }
    }

    private void publish(final int item)
    {
        ring.publish(item);
        submitAt[item] = now;
        if (w.fate[item] == RecordedWorkload.FAILS_SCORING)
        {
            out.submitted(item, now, false);
            settle(item, Outcome.FAILED, w.failure[item]);
            ring.skipped(item);
            return;
        }
        out.submitted(item, now, true);
        lanes.add(item);
        ring.staged(item);
        if (!cutterThread)
        {
            wakeOne();
        }
        else if (wanted)
        {
            cutterAt = Math.min(cutterAt, now);
        }
        else if (cutterAt == NOT_SCHEDULED)
        {
            // nobody wakes the cutter: with every worker busy it parks a linger at a time, and sees this item at its next look
            final long period = CutterDuty.lookPeriod(linger);
            cutterAt = lastCycle + Math.floorDiv(now - lastCycle + period - 1, period) * period;
        }
    }

    private void dispatch()
    {
        if (cutterThread)
        {
            if (cutterAt <= now)
            {
                dutyCycle();
            }
            return;
        }
        while (true)
        {
            int worker = -1;
            for (int k = 0; k < lookAt.length; k++)
            {
                if (lookAt[k] <= now && (worker < 0 || lookAt[k] < lookAt[worker]))
                {
                    worker = k;
                }
            }
            if (worker < 0)
            {
                return;
            }
            lookAt[worker] = NOT_SCHEDULED;
            look(worker);
        }
    }

    /** WORKERS_CUT: a worker takes the cutting right, cuts its own share and runs it; work left wakes the next parked worker. */
    private void look(final int worker)
    {
        if (worker >= active)
        {
            return; // switched off by the tuner: it parks without looking until switched on
        }
        wakePending = false;
        if (lanes.isEmpty())
        {
            return; // parks until a publish wakes it
        }
        final SimBatch batch = cut(active, CloseReason.IDLE_WORKER);
        start(batch, worker, now + Math.round(overheads.dispatchNanosPerItem() * batch.items.length));
        if (!lanes.isEmpty())
        {
            wakeOne();
        }
    }

    /** WORKERS_CUT: one wake-up at a time, to the lowest parked active worker. */
    private void wakeOne()
    {
        if (wakePending)
        {
            return;
        }
        for (int worker = 0; worker < active; worker++)
        {
            if (parked(worker))
            {
                lookAt[worker] = now + Math.round(overheads.arrivalDispatchNanos());
                wakePending = true;
                return;
            }
        }
    }

    private boolean parked(final int worker)
    {
        return running[worker] == null && lookAt[worker] == NOT_SCHEDULED;
    }

    /** CUTTER_THREAD: the engine's {@link CutterDuty} over the simulated workers. */
    private void dutyCycle()
    {
        cutterAt = NOT_SCHEDULED;
        lastCycle = now;
        CutterDuty.cycle(this, this, active, budget, config.maxBatchItems(), linger, false, now);
        wanted = CutterDuty.anyIdle(this, active);
        final boolean room = CutterDuty.anyFreeBox(this, active);
        // Without work it could queue, the cutter waits for a publish (to an idle worker, or its next look), a completion or a knob change.
        if (!lanes.isEmpty())
        {
            final long next = CutterDuty.nextTimer(now, Long.MAX_VALUE, room, lanes.oldestStagedNanos(), linger);
            cutterAt = CutterDuty.parkUntil(now, next, wanted, linger);
        }
    }

    @Override
    public boolean idle(final int worker)
    {
        return running[worker] == null && queued[worker] == null;
    }

    @Override
    public boolean hasFreeBox(final int worker)
    {
        return queued[worker] == null;
    }

    /** An idle worker starts its batch after the dispatch latency; a busy one finds it queued when it finishes. */
    @Override
    public boolean handOver(final int worker, final int sharers, final CloseReason reason)
    {
        if (lanes.isEmpty())
        {
            return false;
        }
        final SimBatch batch = cut(sharers, reason);
        if (idle(worker))
        {
            final double wait = freeAt[worker] == now ? overheads.completionDispatchNanos() : overheads.arrivalDispatchNanos();
            start(batch, worker, now + Math.round(wait + overheads.dispatchNanosPerItem() * batch.items.length));
        }
        else
        {
            queued[worker] = batch;
        }
        return true;
    }

    @Override
    public double waitingComplexity()
    {
        return cutter.counted() ? lanes.size() : lanes.complexity();
    }

    @Override
    public long waitingItems()
    {
        return lanes.size();
    }

    @Override
    public long oldestWaitingNanos()
    {
        return lanes.oldestStagedNanos();
    }

    private SimBatch cut(final int sharers, final CloseReason partial)
    {
        final SimBatch batch = cutter.cut(sharers, partial, budget, now);
        out.cut(batch);
        return batch;
    }

    /** The worker has the batch; it starts on a core at {@code at} (now, or once the dispatch latency has passed). */
    private void start(final SimBatch batch, final int worker, final long at)
    {
        batch.worker = worker;
        batch.startNanos = at;
        running[worker] = batch;
        if (at <= now)
        {
            cores.start(worker, batch);
        }
    }

    private void startDue()
    {
        for (int worker = 0; worker < running.length; worker++)
        {
            if (running[worker] != null && !cores.running(worker) && running[worker].startNanos <= now)
            {
                cores.start(worker, running[worker]);
            }
        }
    }

    private void completeDue()
    {
        for (int worker = cores.pollEnded(); worker >= 0; worker = cores.pollEnded())
        {
            final SimBatch batch = running[worker];
            batch.endNanos = now;
            running[worker] = null;
            freeAt[worker] = batch.endNanos;
            busyNanos += batch.runNanos();
            if (tuner != null)
            {
                tuner.batchCompleted(batch, submitAt);
            }
            for (final int item : batch.items)
            {
                if (w.fate[item] == RecordedWorkload.FAILS_IN_BATCH)
                {
                    settle(item, Outcome.FAILED, w.failure[item]);
                }
                else
                {
                    settle(item, Outcome.SUCCEEDED, null);
                }
                ring.release(item);
            }
            if (cutterThread)
            {
                if (queued[worker] != null)
                {
                    final SimBatch next = queued[worker];
                    queued[worker] = null;
                    start(next, worker, batch.endNanos + Math.round(overheads.completionDispatchNanos()
                        + overheads.dispatchNanosPerItem() * next.items.length));
                }
                cutterAt = Math.min(cutterAt, now); // the worker's done() wakes the cutter
            }
            else
            {
                lookAt[worker] = batch.endNanos + Math.round(overheads.completionDispatchNanos());
            }
        }
    }

    private void settle(final int item, final Outcome outcome, final String reason)
    {
        out.outcome(item, outcome, reason);
        settled++;
        switch (outcome)
        {
            case SUCCEEDED -> succeeded++;
            case FAILED -> failed++;
            default -> rejected++;
        }
        if (tuner != null)
        {
            tuner.completed();
        }
    }

    private void closeInterval(final long end)
    {
        tuner.close(end, running, active, lanes.size(), out);
        budget = tuner.knobs().complexityBudget();
        linger = tuner.knobs().lingerNanos();
        active = tuner.activeWorkers();
        knobsMoved();
    }

    /** The engine wakes every parked thread to re-read the knobs: idle workers look (a worker just switched on may find work). */
    private void knobsMoved()
    {
        if (cutterThread)
        {
            cutterAt = Math.min(cutterAt, now);
            return;
        }
        for (int worker = 0; worker < active; worker++)
        {
            if (parked(worker))
            {
                lookAt[worker] = now + Math.round(overheads.arrivalDispatchNanos());
            }
        }
    }
}
