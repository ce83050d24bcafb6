package dev.spindle.journal.replay;

import dev.spindle.engine.Outcome;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunFooter;
import dev.spindle.journal.RunHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a simulation's events in arrays indexed by item and batch, and builds its
 * {@link RecordedRun} once at the end: what a RunAssembler does, without hashing every event by
 * id (a 100,000-item simulation spent most of its time there). Items come out in the order the
 * simulated producer published (or was refused) them, as the engine's tap lists them, and an item's
 * service is its complexity share of its batch's run time by RunAssembler's rule (by count in a
 * zero-complexity batch).
 */
final class SimulatedRunBuilder
{
    private final RecordedWorkload w;
    private final int[] order;
    private int ordered;
    private final long[] submitNanos;
    private final boolean[] scored;
    private final int[] batchOf;
    private final Outcome[] outcomes;
    private final String[] reasons;
    private final List<SimBatch> batches = new ArrayList<>();
    private final List<RecordedInterval> intervals = new ArrayList<>();
    private final List<RecordedDecision> decisions = new ArrayList<>();

    SimulatedRunBuilder(final RecordedWorkload w)
    {
        this.w = w;
        this.order = new int[w.size];
        this.submitNanos = new long[w.size];
        this.scored = new boolean[w.size];
        this.batchOf = new int[w.size];
        java.util.Arrays.fill(batchOf, -1);
        this.outcomes = new Outcome[w.size];
        this.reasons = new String[w.size];
    }

    /** {@code scored} false: the item never reached scoring (refused at the door, or its scoring failed). */
    void submitted(final int item, final long nanos, final boolean scored)
    {
        order[ordered++] = item;
        submitNanos[item] = nanos;
        this.scored[item] = scored;
    }

    /** Batches must arrive in id order, ids counting from 0. */
    void cut(final SimBatch batch)
    {
        batches.add(batch);
        for (final int item : batch.items)
        {
            batchOf[item] = (int)batch.id;
        }
    }

    void outcome(final int item, final Outcome outcome, final String reason)
    {
        outcomes[item] = outcome;
        reasons[item] = reason;
    }

    void interval(final RecordedInterval interval)
    {
        intervals.add(interval);
    }

    void decision(final RecordedDecision decision)
    {
        decisions.add(decision);
    }

    RecordedRun build(final RunHeader header, final RunFooter footer)
    {
        final List<RecordedItem> items = new ArrayList<>(ordered);
        for (int k = 0; k < ordered; k++)
        {
            final int i = order[k];
            final SimBatch batch = batchOf[i] < 0 ? null : batches.get(batchOf[i]);
            final boolean ran = batch != null && batch.worker >= 0;
            final double complexity = scored[i] ? w.complexity[i] : Double.NaN;
            long service = -1;
            if (ran)
            {
                final long run = batch.runNanos();
                service = batch.complexity > 0 && complexity >= 0
                    ? Math.round(run * (complexity / batch.complexity))
                    : run / Math.max(1, batch.items.length);
            }
            items.add(new RecordedItem(w.ids[i], w.keys[i], w.sizeBytes[i], complexity, scored[i] ? w.priority[i] : -1,
                scored[i] ? w.lane[i] : -1, submitNanos[i], batch == null ? -1 : batch.id, ran ? batch.startNanos : -1,
                ran ? batch.endNanos : -1, service, outcomes[i], reasons[i]));
        }
        final List<RecordedBatch> recordedBatches = new ArrayList<>(batches.size());
        for (final SimBatch batch : batches)
        {
            final long[] ids = new long[batch.items.length];
            for (int k = 0; k < ids.length; k++)
            {
                ids[k] = w.ids[batch.items[k]];
            }
            final boolean ran = batch.worker >= 0;
            recordedBatches.add(new RecordedBatch(batch.id, batch.cutNanos, ids, batch.complexity, batch.reason, batch.worker, -1,
                ran ? batch.startNanos : -1, ran ? batch.endNanos : -1, false));
        }
        return new RecordedRun(0, header, List.copyOf(items), List.copyOf(recordedBatches), List.copyOf(intervals),
            List.copyOf(decisions), footer);
    }
}
