package dev.spindle.tools.top;

import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.tools.report.WorkerBusy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code top} shows for one snapshot of a run: totals so far, the last closed metrics interval
 * (rates, queue depth, utilization per worker, p99) and the tuner's latest decision. Built from a whole
 * re-read of the journal each refresh: simple and O(journal), fine for runs of modest length.
 */
record TopFrame(
    int run,
    boolean ended,
    boolean crashed,
    double elapsedSeconds,
    long submitted,
    long settled,
    long intervalIndex,
    double intervalSeconds,
    double arrivedPerSecond,
    double completedPerSecond,
    long queueDepth,
    double utilization,
    double[] workerUtilization,
    double endToEndP99Nanos,
    String tunerState,
    double budget,
    long lingerNanos,
    int activeWorkers,
    String tunerReason)
{
    static TopFrame of(final RecordedRun run)
    {
        long settled = 0;
        for (final RecordedItem item : run.items())
        {
            settled += item.terminal() ? 1 : 0;
        }
        final long origin = run.header().engine().startNanos();
        final int workers = WorkerBusy.workers(run);
        final int n = run.intervals().size();
        final RecordedInterval last = n == 0 ? null : run.intervals().get(n - 1);
        final double[] perWorker = new double[workers];
        if (last != null)
        {
            final double[][] busy = WorkerBusy.perInterval(run);
            for (int w = 0; w < workers; w++)
            {
                perWorker[w] = busy[w][n - 1];
            }
        }
        final long lastEnd = last == null ? origin : last.startNanos() + last.lengthNanos();
        final double elapsed = ((run.closed() ? run.footer().endNanos() : lastEnd) - origin) / 1e9;
        final double seconds = last == null ? 0 : Math.max(1, last.lengthNanos()) / 1e9;
        final RecordedDecision decision = run.decisions().isEmpty() ? null : run.decisions().get(run.decisions().size() - 1);
        return new TopFrame(run.index(), run.closed(), false, Math.max(0, elapsed), run.items().size(), settled,
            last == null ? -1 : last.index(), seconds,
            last == null ? 0 : last.arrived() / seconds,
            last == null ? 0 : last.completed() / seconds,
            last == null ? 0 : last.backlog(),
            last == null ? 0 : last.utilization(),
            perWorker,
            last == null || last.endToEnd().getTotalCount() == 0 ? Double.NaN : last.endToEnd().getValueAtPercentile(99),
            decision == null ? "-" : decision.state(),
            decision == null ? run.header().engine().complexityBudget() : decision.budgetAfter(),
            decision == null ? run.header().engine().maxLingerNanos() : decision.lingerAfter(),
            decision == null ? (last == null ? run.header().engine().workers() : last.activeWorkers()) : decision.workersAfter(),
            decision == null ? "" : decision.reason());
    }

    /** This frame of a run whose writer is gone without writing its footer: killed or crashed, not running. */
    TopFrame asCrashed()
    {
        return new TopFrame(run, ended, true, elapsedSeconds, submitted, settled, intervalIndex, intervalSeconds, arrivedPerSecond,
            completedPerSecond, queueDepth, utilization, workerUtilization, endToEndP99Nanos, tunerState, budget, lingerNanos, activeWorkers,
            tunerReason);
    }

    Map<String, Object> toJson()
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("ended", ended);
        json.put("crashed", crashed);
        json.put("elapsed_s", elapsedSeconds);
        json.put("submitted", submitted);
        json.put("settled", settled);
        json.put("interval", intervalIndex);
        json.put("arrived_per_s", arrivedPerSecond);
        json.put("completed_per_s", completedPerSecond);
        json.put("queue_depth", queueDepth);
        json.put("utilization", utilization);
        json.put("worker_utilization", workerUtilization);
        json.put("p99_ns", endToEndP99Nanos);
        json.put("tuner_state", tunerState);
        json.put("budget", budget);
        json.put("linger_ns", lingerNanos);
        json.put("active_workers", activeWorkers);
        json.put("tuner_reason", tunerReason);
        return json;
    }
}
