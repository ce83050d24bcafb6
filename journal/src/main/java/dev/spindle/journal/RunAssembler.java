package dev.spindle.journal;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@link RecordedRun}s from a journal's records in the order they were written. The
 * journal reader feeds it decoded records; tests and in-process audits may feed it directly. A
 * header starts a new run. Records that contradict what came before (an outcome for an item never
 * submitted, a second outcome, a start for an unknown batch) are kept as problems, never applied.
 */
public final class RunAssembler
{
    private final List<RecordedRun> runs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Building current;

    public void header(final RunHeader header)
    {
        finishCurrent();
        current = new Building(runs.size(), header);
    }

    public void submitted(final long id, final String key, final long sizeBytes, final double complexity, final int priority,
        final int lane, final long submitNanos)
    {
        final Building run = run("item submitted");
        if (run == null)
        {
            return;
        }
        final Trace previous = run.items.get(id);
        if (previous != null)
        {
            problem(run, "item " + id + " submitted twice in one run (keys '" + previous.key + "' and '" + key + "')");
            return;
        }
        final Trace trace = new Trace(id, key, sizeBytes, complexity, priority, lane, submitNanos);
        run.items.put(id, trace);
        run.order.add(trace);
    }

    public void batchCut(final long batchId, final long cutNanos, final long[] itemIds, final double complexity, final CloseReason reason)
    {
        final Building run = run("batch cut");
        if (run == null)
        {
            return;
        }
        final BatchTrace batch = new BatchTrace(batchId, cutNanos, itemIds.clone(), complexity, reason);
        run.batches.put(batchId, batch);
        run.batchOrder.add(batch);
        for (final long id : itemIds)
        {
            final Trace item = run.items.get(id);
            if (item == null)
            {
                problem(run, "batch " + batchId + " holds item " + id + ", never submitted");
            }
            else
            {
                item.batchId = batchId;
            }
        }
    }

    public void batchStarted(final long batchId, final int worker, final int cpu, final long nanos)
    {
        final BatchTrace batch = batch(batchId, "started");
        if (batch != null)
        {
            batch.worker = worker;
            batch.cpu = cpu;
            batch.startNanos = nanos;
        }
    }

    /** {@code allSucceeded}: the record stands for a SUCCEEDED outcome of every item in the batch. */
    public void batchFinished(final long batchId, final int worker, final long startNanos, final long endNanos, final boolean bisected,
        final boolean allSucceeded)
    {
        final BatchTrace batch = batch(batchId, "finished");
        if (batch != null)
        {
            batch.worker = worker;
            batch.startNanos = startNanos;
            batch.endNanos = endNanos;
            batch.bisected = bisected;
            if (allSucceeded)
            {
                for (final long id : batch.itemIds)
                {
                    outcome(id, Outcome.SUCCEEDED, null);
                }
            }
        }
    }

    public void outcome(final long id, final Outcome outcome, final String reason)
    {
        final Building run = run("item outcome");
        if (run == null)
        {
            return;
        }
        final Trace item = run.items.get(id);
        if (item == null)
        {
            problem(run, "outcome " + outcome + " for item " + id + ", never submitted in this run");
        }
        else if (item.outcome != null)
        {
            problem(run, "item " + id + " has a second outcome " + outcome + " after " + item.outcome);
        }
        else
        {
            item.outcome = outcome;
            item.reason = reason;
        }
    }

    public void interval(final RecordedInterval interval)
    {
        final Building run = run("interval");
        if (run != null)
        {
            run.intervals.add(interval);
        }
    }

    public void decision(final RecordedDecision decision)
    {
        final Building run = run("decision");
        if (run != null)
        {
            run.decisions.add(decision);
        }
    }

    public void footer(final RunFooter footer)
    {
        final Building run = run("run footer");
        if (run != null)
        {
            run.footer = footer;
        }
    }

    /** Every run so far, the last one as it stands (unclosed if its footer has not been seen). */
    public List<RecordedRun> runs()
    {
        final List<RecordedRun> all = new ArrayList<>(runs);
        if (current != null)
        {
            all.add(current.build());
        }
        return List.copyOf(all);
    }

    public List<String> problems()
    {
        return List.copyOf(problems);
    }

    private void finishCurrent()
    {
        if (current != null)
        {
            runs.add(current.build());
            current = null;
        }
    }

    private Building run(final String what)
    {
        if (current == null)
        {
            problems.add(what + " before any run header");
        }
        return current;
    }

    private BatchTrace batch(final long batchId, final String what)
    {
        final Building run = run("batch " + what);
        if (run == null)
        {
            return null;
        }
        final BatchTrace batch = run.batches.get(batchId);
        if (batch == null)
        {
            problem(run, "batch " + batchId + " " + what + " but never cut");
        }
        return batch;
    }

    private void problem(final Building run, final String text)
    {
        problems.add("run " + run.index + ": " + text);
    }

    private static final class Building
    {
        final int index;
        final RunHeader header;
        final Map<Long, Trace> items = new HashMap<>();
        final List<Trace> order = new ArrayList<>();
        final Map<Long, BatchTrace> batches = new HashMap<>();
        final List<BatchTrace> batchOrder = new ArrayList<>();
        final List<RecordedInterval> intervals = new ArrayList<>();
        final List<RecordedDecision> decisions = new ArrayList<>();
        RunFooter footer;

        Building(final int index, final RunHeader header)
        {
            this.index = index;
            this.header = header;
        }

        RecordedRun build()
        {
            final List<RecordedItem> builtItems = new ArrayList<>(order.size());
            for (final Trace item : order)
            {
                builtItems.add(item.build(item.batchId < 0 ? null : batches.get(item.batchId)));
            }
            final List<RecordedBatch> builtBatches = new ArrayList<>(batchOrder.size());
            for (final BatchTrace batch : batchOrder)
            {
                builtBatches.add(batch.build());
            }
            return new RecordedRun(index, header, List.copyOf(builtItems), List.copyOf(builtBatches), List.copyOf(intervals),
                List.copyOf(decisions), footer);
        }
    }

    private static final class Trace
    {
        final long id;
        final String key;
        final long sizeBytes;
        final double complexity;
        final int priority;
        final int lane;
        final long submitNanos;
        long batchId = -1;
        Outcome outcome;
        String reason;

        Trace(final long id, final String key, final long sizeBytes, final double complexity, final int priority, final int lane,
            final long submitNanos)
        {
            this.id = id;
            this.key = key;
            this.sizeBytes = sizeBytes;
            this.complexity = complexity;
            this.priority = priority;
            this.lane = lane;
            this.submitNanos = submitNanos;
        }

        RecordedItem build(final BatchTrace batch)
        {
            final boolean ran = batch != null && batch.endNanos >= 0;
            long service = -1;
            if (ran)
            {
                final long run = batch.endNanos - batch.startNanos;
                service = batch.complexity > 0 && complexity >= 0
                    ? Math.round(run * (complexity / batch.complexity))
                    : run / Math.max(1, batch.itemIds.length);
            }
            return new RecordedItem(id, key, sizeBytes, complexity, priority, lane, submitNanos, batchId,
                batch == null ? -1 : batch.startNanos, ran ? batch.endNanos : -1, service, outcome, reason);
        }
    }

    private static final class BatchTrace
    {
        final long batchId;
        final long cutNanos;
        final long[] itemIds;
        final double complexity;
        final CloseReason reason;
        int worker = -1;
        int cpu = -1;
        long startNanos = -1;
        long endNanos = -1;
        boolean bisected;

        BatchTrace(final long batchId, final long cutNanos, final long[] itemIds, final double complexity, final CloseReason reason)
        {
            this.batchId = batchId;
            this.cutNanos = cutNanos;
            this.itemIds = itemIds;
            this.complexity = complexity;
            this.reason = reason;
        }

        RecordedBatch build()
        {
            return new RecordedBatch(batchId, cutNanos, itemIds.clone(), complexity, reason, worker, cpu, startNanos, endNanos, bisected);
        }
    }
}
