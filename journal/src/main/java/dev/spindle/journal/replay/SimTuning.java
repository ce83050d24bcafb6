package dev.spindle.journal.replay;

import dev.spindle.engine.tune.Decision;
import dev.spindle.engine.tune.Knobs;
import dev.spindle.engine.tune.TunerPolicy;
import dev.spindle.engine.tune.TunerSettings;
import dev.spindle.engine.tune.TuningLoop;
import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;

/**
 * The tuner's side of a simulation: the engine's {@link TuningLoop} on the simulated clock, fed each
 * interval's {@link IntervalTally} as the engine's interval snapshot feeds it, leaving the interval
 * and decision records in the simulated run. The usable cores are the simulated workers (the what-if
 * machine), and it learns over [1, items, complexity] only: a recording holds no cost-function
 * features, so a tuner that used them may decide differently from the recorded one.
 */
final class SimTuning
{
    private final TuningLoop tuner;
    private final IntervalTally tally = new IntervalTally();
    private final long intervalNanos;
    private long index;
    private long nextAt = Long.MAX_VALUE;

    SimTuning(final TunerSettings settings, final int workers, final long intervalNanos)
    {
        final int max = Math.max(1, Math.min(settings.maxWorkers(), workers));
        this.tuner = new TuningLoop(new TunerPolicy(settings.withWorkers(Math.min(settings.minWorkers(), max), max)), 0, workers);
        this.intervalNanos = intervalNanos;
    }

    void start(final long start)
    {
        tally.reset(start);
        nextAt = start + intervalNanos;
    }

    /** When the current interval closes. */
    long nextAt()
    {
        return nextAt;
    }

    /** Whether the current interval has begun (and would have something to close at the end of the run). */
    boolean openAt(final long now)
    {
        return now > tally.startNanos;
    }

    Knobs knobs()
    {
        return tuner.knobs();
    }

    int activeWorkers()
    {
        return tuner.activeWorkers();
    }

    void arrived()
    {
        tally.arrived++;
    }

    void completed()
    {
        tally.completed++;
    }

    void batchCompleted(final SimBatch batch, final long[] submitAt)
    {
        tuner.observe(batch.runNanos(), batch.items.length, batch.complexity);
        tally.batchCompleted(batch, submitAt);
    }

    /** Closes the interval at {@code end} with {@code active} workers and {@code backlog} items waiting: the tuner decides, the records go out. */
    void close(final long end, final SimBatch[] running, final int active, final long backlog, final SimulatedRunBuilder out)
    {
        for (final SimBatch batch : running)
        {
            if (batch != null)
            {
                tally.stillRunning(batch, end);
            }
        }
        final long length = end - tally.startNanos;
        final Decision decision = decide(length, active, backlog);
        out.interval(new RecordedInterval(index, tally.startNanos, length, tally.arrived, tally.completed, tally.batches,
            Math.min(1.0, tally.busyNanos / ((double)active * Math.max(1, length))), active, backlog, tally.queueWait.copy(),
            tally.batchService.copy(), tally.itemService.copy(), tally.endToEnd.copy()));
        out.decision(RecordedDecision.of(decision));
        index++;
        tally.reset(end);
        nextAt = end + intervalNanos;
    }

    /** The interval's measurements, as the engine's interval snapshot gives them to the same tuning loop. */
    private Decision decide(final long lengthNanos, final int active, final long backlog)
    {
        final IntervalTally t = tally;
        final long length = Math.max(1, lengthNanos);
        tuner.closeInterval();
        return tuner.decide(index, length, Math.min(1.0, t.busyNanos / ((double)active * length)),
            t.endToEnd.getTotalCount() == 0 ? 0 : t.endToEnd.getValueAtPercentile(99),
            t.queueWait.getTotalCount() == 0 ? 0 : t.queueWait.getValueAtPercentile(99),
            t.completed, t.arrived, backlog, t.batches,
            t.batches == 0 ? 0 : (double)t.batchItems / t.batches,
            t.batches == 0 ? 0 : t.batchComplexity / t.batches,
            t.batches == 0 ? 0 : t.batchServiceNanos / t.batches,
            t.budgetClosed, t.lingerClosed);
    }
}
