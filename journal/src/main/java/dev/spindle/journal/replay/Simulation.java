package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.tune.Decision;
import dev.spindle.journal.JournalFormat;
import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunFooter;
import dev.spindle.journal.RunHeader;
import java.util.ArrayDeque;

/**
 * One simulated run: the engine's ring, staging pool, cutter and workers on a simulated nanosecond
 * clock, stepping from event to event (an arrival, a batch completion, a linger timer, an interval
 * boundary). The cutter's duty cycle is BatchCutter.dispatch's loop: feed idle workers (queued
 * batches first, else a guided-self-scheduling share of what is staged), else close ahead by budget,
 * count, drain or linger into a queue of one batch per worker. Every event goes straight into a
 * {@link SimulatedRunBuilder}, so the result is a {@link RecordedRun} like any other. Single use.
 */
final class Simulation
{
    private final RecordedWorkload w;
    private final long[] work;
    private final SimulationConfig config;
    private final Overheads overheads;
    private final SimulatedRunBuilder out;
    private final long[] arrival;
    private final long[] submitAt;
    private final int[] ring;
    private int ringHead;
    private int ringTail;
    private int sent;
    private int held;
    private final SimLanes lanes;
    private final ArrayDeque<SimBatch> queue = new ArrayDeque<>();
    private final SimBatch[] running;
    private final long[] freeAt;
    private final CompletionHeap completions;
    private final int[] scratch;
    private final SimTuner tuner;
    private final IntervalTally tally;
    private long intervalIndex;
    private long nextIntervalAt = Long.MAX_VALUE;

    private double budget;
    private long linger;
    private int active;
    private long now;
    private long nextBatchId;
    private int settled;
    private long succeeded;
    private long failed;
    private long rejected;
    private double busyNanos;

    Simulation(final RecordedWorkload w, final OverheadEstimate estimate, final SimulationConfig config)
    {
        this.w = w;
        this.out = new SimulatedRunBuilder(w);
        this.work = estimate.workNanos();
        this.config = config;
        this.overheads = config.overheads() != null ? config.overheads() : estimate.overheads();
        this.arrival = new long[w.size];
        for (int i = 0; i < w.size; i++)
        {
            arrival[i] = config.timing() == Timing.MAX ? w.firstSubmitNanos() : w.submitNanos[i];
        }
        this.submitAt = new long[w.size];
        this.ring = new int[w.size];
        this.lanes = new SimLanes(w.lanes, w.lane, w.complexity, submitAt, config.agingBoundNanos());
        this.running = new SimBatch[config.workers()];
        this.freeAt = new long[config.workers()];
        java.util.Arrays.fill(freeAt, Long.MIN_VALUE);
        this.completions = new CompletionHeap(config.workers());
        this.scratch = new int[Math.max(1, Math.min(config.maxBatchItems(), w.size))];
        this.tuner = config.tuning() == null ? null : new SimTuner(config.tuning(), config.workers());
        this.tally = tuner == null ? null : new IntervalTally();
        this.budget = config.complexityBudget();
        this.linger = tuner == null ? config.maxLingerNanos() : tuner.lingerNanos();
        this.active = tuner == null ? config.workers() : tuner.activeWorkers();
    }

    RecordedRun run(final RecordedRun recorded, final String processor)
    {
        final RunInfo info = recorded.header().engine();
        final long start = Math.min(info.startNanos(), w.firstSubmitNanos());
        now = w.size == 0 ? start : arrival[0];
        if (tuner != null)
        {
            tally.reset(start);
            nextIntervalAt = start + config.intervalNanos();
        }
        while (settled < w.size)
        {
            completeDue();
            if (now >= nextIntervalAt)
            {
                closeInterval(nextIntervalAt);
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
            now = Math.max(now, Math.min(next, nextIntervalAt));
        }
        if (tuner != null && now > tally.startNanos)
        {
            closeInterval(now);
        }
        final double utilization = Math.min(1.0, busyNanos / ((double)config.workers() * Math.max(1, now - start)));
        final RunHeader header = new RunHeader(JournalFormat.VERSION, simulatedInfo(info, start), "simulate", recorded.header().source(),
            processor, -1);
        return out.build(header, new RunFooter(now, w.size, succeeded, failed, rejected, 0, nextBatchId, utilization));
    }

    private RunInfo simulatedInfo(final RunInfo info, final long start)
    {
        return new RunInfo(info.spindleVersion(), info.startEpochMillis(), start, config.workers(), config.ringSize(),
            config.stagingCapacity(), config.complexityBudget(), config.maxBatchItems(), config.maxLingerNanos(), config.agingBoundNanos(),
            info.deadlineSlackNanos(), info.batchTimeoutNanos(), config.rejectWhenFull() ? "TRY" : "BLOCK", "SIMULATED",
            "simulated", config.intervalNanos(), config.tuning() == null ? "none" : config.tuning().objective().name(),
            config.workers(), info.maxHeapBytes(), "simulated; recorded on " + info.jvm());
    }

    /** The next arrival, completion or linger timer; interval boundaries come on top and cannot keep a stalled run going. */
    private long nextEvent()
    {
        long next = completions.peekTime();
        if (sent < w.size && (ringTail - ringHead < config.ringSize() || config.rejectWhenFull()))
        {
            next = Math.min(next, arrival[sent]);
        }
        if (!lanes.isEmpty() && queue.size() < config.workers())
        {
            final long due = lanes.oldestSubmitNanos() + linger;
            if (due > now)
            {
                next = Math.min(next, due);
            }
        }
        return next;
    }

    /**
     * The producer publishes what is due while the ring has room, one item at a time; after each, the
     * cutter takes what its staging pool has room for, as the two threads would interleave.
     */
    private void admit()
    {
        takeFromRing();
        while (sent < w.size && arrival[sent] <= now)
        {
            final int item = sent;
            if (ringTail - ringHead < config.ringSize())
            {
                submitAt[item] = now;
                ring[ringTail++] = item;
            }
            else if (config.rejectWhenFull())
            {
                out.submitted(item, now, false);
                settle(item, Outcome.REJECTED, "ring full (simulated backpressure TRY, " + config.ringSize() + " slots)");
            }
            else
            {
                return;
            }
            sent++;
            if (tally != null)
            {
                tally.arrived++;
            }
            takeFromRing();
        }
    }

    /** Every staged, queued or running item holds one of the pool's slots, as in the engine. */
    private void takeFromRing()
    {
        while (ringHead < ringTail && held < config.stagingCapacity())
        {
            stage(ring[ringHead++]);
        }
    }

    private void stage(final int item)
    {
        if (w.fate[item] == RecordedWorkload.FAILS_SCORING)
        {
            out.submitted(item, submitAt[item], false);
            settle(item, Outcome.FAILED, w.failure[item]); // its pool slot is free again at once
            return;
        }
        out.submitted(item, submitAt[item], true);
        held++;
        lanes.add(item);
    }

    private void dispatch()
    {
        final boolean draining = sent == w.size && ringHead == ringTail;
        while (true)
        {
            int worker;
            while (!queue.isEmpty() && (worker = idleWorker()) >= 0)
            {
                assign(queue.poll(), worker);
            }
            if (lanes.isEmpty())
            {
                return;
            }
            worker = idleWorker();
            if (worker >= 0)
            {
                final boolean byCount = lanes.complexity() == 0;
                final double target = byCount ? budget : Math.min(budget, lanes.complexity() / active);
                final int countTarget = byCount ? Math.max(1, (lanes.size() + active - 1) / active) : config.maxBatchItems();
                assign(cut(target, countTarget, CloseReason.IDLE_WORKER), worker);
                continue;
            }
            if (queue.size() >= config.workers())
            {
                return;
            }
            final CloseReason trigger;
            if (lanes.complexity() >= budget || lanes.size() >= config.maxBatchItems())
            {
                trigger = CloseReason.BUDGET;
            }
            else if (draining)
            {
                trigger = CloseReason.DRAIN;
            }
            else if (now - lanes.oldestSubmitNanos() >= linger)
            {
                trigger = CloseReason.LINGER;
            }
            else
            {
                return;
            }
            queue.add(cut(budget, config.maxBatchItems(), trigger));
        }
    }

    /** BatchCutter.cut without deadlines: stops at the target complexity, the count target or the maximum count. */
    private SimBatch cut(final double target, final int countTarget, final CloseReason partial)
    {
        CloseReason reason = partial;
        int size = 0;
        double complexity = 0;
        long workNanos = 0;
        long bytes = 0;
        while (true)
        {
            if (size == config.maxBatchItems())
            {
                reason = CloseReason.COUNT;
                break;
            }
            final int item = lanes.peekNext(now);
            if (item < 0)
            {
                break;
            }
            final double c = w.complexity[item];
            if (size > 0 && complexity + c > target)
            {
                reason = target >= budget ? CloseReason.BUDGET : partial;
                break;
            }
            if (size >= countTarget)
            {
                break;
            }
            lanes.remove(item);
            scratch[size++] = item;
            complexity += c;
            workNanos += work[item];
            bytes += w.sizeBytes[item];
            if (size == 1 && c > budget)
            {
                reason = CloseReason.BUDGET;
                break;
            }
        }
        final SimBatch batch = new SimBatch(nextBatchId++, now, reason, java.util.Arrays.copyOf(scratch, size), complexity, workNanos, bytes);
        out.cut(batch);
        return batch;
    }

    private int idleWorker()
    {
        for (int worker = 0; worker < active; worker++)
        {
            if (running[worker] == null)
            {
                return worker;
            }
        }
        return -1;
    }

    private void assign(final SimBatch batch, final int worker)
    {
        final double wait = freeAt[worker] == now ? overheads.completionDispatchNanos() : overheads.arrivalDispatchNanos();
        batch.worker = worker;
        batch.startNanos = now + Math.round(wait);
        batch.endNanos = batch.startNanos + Math.round(overheads.fixedNanosPerBatch() + batch.workNanos);
        running[worker] = batch;
        completions.add(worker, batch.endNanos);
    }

    private void completeDue()
    {
        while (completions.peekTime() <= now)
        {
            final int worker = completions.poll();
            final SimBatch batch = running[worker];
            running[worker] = null;
            freeAt[worker] = batch.endNanos;
            held -= batch.items.length;
            busyNanos += batch.runNanos();
            if (tuner != null)
            {
                tuner.observe(batch);
                tally.batchCompleted(batch, submitAt);
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
        if (tally != null)
        {
            tally.completed++;
        }
    }

    private void closeInterval(final long end)
    {
        for (final SimBatch batch : running)
        {
            if (batch != null)
            {
                tally.stillRunning(batch, end);
            }
        }
        final long backlog = lanes.size() + (ringTail - ringHead);
        final long length = end - tally.startNanos;
        final Decision decision = tuner.decide(tally, intervalIndex, length, backlog, active);
        out.interval(new RecordedInterval(intervalIndex, tally.startNanos, length, tally.arrived, tally.completed, tally.batches,
            Math.min(1.0, tally.busyNanos / ((double)active * Math.max(1, length))), active, backlog, tally.queueWait.copy(),
            tally.batchService.copy(), tally.itemService.copy(), tally.endToEnd.copy()));
        out.decision(RecordedDecision.of(decision));
        intervalIndex++;
        budget = tuner.complexityBudget();
        linger = tuner.lingerNanos();
        active = tuner.activeWorkers();
        tally.reset(end);
        nextIntervalAt = end + config.intervalNanos();
    }
}
