package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.journal.JournalFormat;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.RunFooter;
import dev.spindle.journal.RunHeader;
import java.util.ArrayList;
import java.util.List;

/** Builds recordings by hand, with exactly the times a test wants. Times in nanoseconds from 0. */
final class HandRun
{
    static final long MS = 1_000_000;
    static final long US = 1_000;

    private final List<RecordedItem> items = new ArrayList<>();
    private final List<RecordedBatch> batches = new ArrayList<>();
    private int workers = 1;
    private double budget = 200;
    private int maxItems = 64;
    private long lingerNanos = MS;
    private String tuning = "none";
    private long intervalNanos = 1_000 * MS;
    private String dispatch = "WORKERS_CUT (auto: test)";

    /** The CPU the run used, as a format 5 footer holds it: the process's and the workers' own. */
    private long processCpu = RunFooter.CPU_UNKNOWN;
    private long workersCpu = RunFooter.CPU_UNKNOWN;
    /** The JIT compiler's time, as a format 6 footer holds it. */
    private long compile = RunFooter.CPU_UNKNOWN;
    private long endedAt = -1;

    HandRun cpu(final long processNanos, final long workersNanos)
    {
        this.processCpu = processNanos;
        this.workersCpu = workersNanos;
        return this;
    }

    /** Where the footer says the run ended, for a run whose items have no recorded ends (by default the latest item end). */
    HandRun endedAt(final long nanos)
    {
        this.endedAt = nanos;
        return this;
    }

    HandRun cpu(final long processNanos, final long workersNanos, final long compileNanos)
    {
        this.compile = compileNanos;
        return cpu(processNanos, workersNanos);
    }

    HandRun workers(final int workers)
    {
        this.workers = workers;
        return this;
    }

    HandRun budget(final double budget)
    {
        this.budget = budget;
        return this;
    }

    HandRun maxItems(final int maxItems)
    {
        this.maxItems = maxItems;
        return this;
    }

    HandRun linger(final long nanos)
    {
        this.lingerNanos = nanos;
        return this;
    }

    /** The header's dispatch text, as the engine words it ("CUTTER_THREAD (configured)"), or "unknown" as a version 1 journal reads. */
    HandRun dispatch(final String text)
    {
        this.dispatch = text;
        return this;
    }

    HandRun tuning(final String objective, final long intervalNanos)
    {
        this.tuning = objective;
        this.intervalNanos = intervalNanos;
        return this;
    }

    /** An item that ran (or will be simulated) with this service time; complexity = service in microseconds, lowest lane. */
    HandRun item(final long id, final long submit, final long service)
    {
        return item(id, submit, service, 3);
    }

    HandRun item(final long id, final long submit, final long service, final int lane)
    {
        items.add(new RecordedItem(id, "k" + id, 0, service / 1_000.0, lane == 0 ? 95 : 50, lane, submit, -1, -1, -1, service,
            Outcome.SUCCEEDED, null));
        return this;
    }

    /** An item of a unit-cost run without priorities: complexity 1, priority 0 (the engine cut ring ranges in place). */
    HandRun unitItem(final long id, final long submit, final long service)
    {
        items.add(new RecordedItem(id, "k" + id, 0, 1, 0, 0, submit, -1, -1, -1, service, Outcome.SUCCEEDED, null));
        return this;
    }

    /** A fully specified item, as the tap would have recorded it. */
    HandRun recorded(final RecordedItem item)
    {
        items.add(item);
        return this;
    }

    HandRun batch(final long batchId, final long cut, final CloseReason reason, final int worker, final long start, final long end,
        final long... ids)
    {
        double complexity = 0;
        for (final long id : ids)
        {
            for (final RecordedItem item : items)
            {
                if (item.id() == id)
                {
                    complexity += item.complexity();
                }
            }
        }
        batches.add(new RecordedBatch(batchId, cut, ids, complexity, reason, worker, -1, start, end, false));
        return this;
    }

    RecordedRun build()
    {
        final RunInfo info = new RunInfo("test", 0, 0, workers, 4096, 4096, budget, maxItems, lingerNanos, 100 * MS, MS, 60_000 * MS,
            "BLOCK", "BLOCKING", "test", intervalNanos, tuning, 2, 1L << 30, "test", dispatch);
        long succeeded = 0;
        long end = 0;
        for (final RecordedItem item : items)
        {
            succeeded += item.outcome() == Outcome.SUCCEEDED ? 1 : 0;
            end = Math.max(end, item.endNanos());
        }
        return new RecordedRun(0, new RunHeader(JournalFormat.VERSION, info, "test", "", "hand-built", -1), List.copyOf(items),
            List.copyOf(batches), List.of(), List.of(), new RunFooter(endedAt >= 0 ? endedAt : end, items.size(), succeeded, 0, 0, 0, batches.size(), 0, 0,
            processCpu, workersCpu, compile));
    }

    static RecordedItem ran(final long id, final long submit, final double complexity, final long batchId, final long start,
        final long end, final long service)
    {
        return new RecordedItem(id, "k" + id, 0, complexity, 50, 3, submit, batchId, start, end, service, Outcome.SUCCEEDED, null);
    }
}
