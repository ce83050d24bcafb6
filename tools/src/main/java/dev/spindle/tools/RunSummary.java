package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.engine.metrics.PerformanceReport;

/**
 * The human summary printed at the end of a run: counts, throughput, batching (and who cut the
 * batches) and end-to-end latency, then the first few failures. Plain ASCII (latencies in "us") so it reads the same under
 * any locale; the full failure list belongs in the JSON report. Names and reasons are escaped ({@link PathText}):
 * a file name must not forge a summary line or reach the terminal as a control sequence.
 */
final class RunSummary
{
    static final int FAILURES_SHOWN = 20;

    private RunSummary()
    {
    }

    static void print(final PrintWriter out, final String verb, final RunResult run, final boolean jsonWritten)
    {
        final PerformanceReport engine = run.engine();
        final LatencySummary e2e = engine.endToEnd();
        out.printf(Locale.ROOT, "spindle %s %s: %,d files%s%n", verb, PathText.escape(run.dir()), run.filesSeen(),
            run.interruptedBy() == null ? "" : ", INTERRUPTED by " + run.interruptedBy());
        out.printf(Locale.ROOT, "  outcomes   %,d succeeded, %,d failed, %,d rejected, %,d timed out%n",
            run.succeeded(), run.failed(), run.rejected(), run.timedOut());
        out.printf(Locale.ROOT, "  wall       %.3f s, %,.1f items/s, utilization %.1f%% of %d workers%n",
            engine.wallNanos() / 1e9, engine.itemsPerSecond(), 100 * engine.utilization(), engine.workers());
        out.printf(Locale.ROOT, "  batches    %,d, mean %.1f items%n", engine.batches(), engine.meanItemsPerBatch());
        out.printf(Locale.ROOT, "  dispatch   %s%n", engine.dispatch());
        out.printf(Locale.ROOT, "  e2e (us)   p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
            e2e.p50Micros(), e2e.p99Micros(), e2e.p999Micros(), e2e.maxMicros());
        final ProcessorReport ml = run.processing();
        if (ml.ml())
        {
            out.printf(Locale.ROOT, "  ml         %,d analysed and embedded now, %,d same content in a batch, %,d content cached, %,d unchanged files%n",
                ml.computed(), ml.duplicates(), ml.cachedContent(), ml.fastPath());
            out.printf(Locale.ROOT, "  cache      %s%n  categories %s%n", ml.cache(), ml.categories());
            if (ml.rows() > 0)
            {
                out.printf(Locale.ROOT, "  out        %,d embedding rows%n", ml.rows());
            }
        }
        final List<FailureRecord> failures = run.failures();
        if (failures.isEmpty())
        {
            return;
        }
        out.printf(Locale.ROOT, "  not succeeded (%,d):%n", failures.size());
        for (int i = 0; i < Math.min(FAILURES_SHOWN, failures.size()); i++)
        {
            final FailureRecord failure = failures.get(i);
            out.printf(Locale.ROOT, "    %s: %s%s%n", PathText.terminal(failure.path(), failure.pathUri()), failure.outcome() == Outcome.FAILED
                ? "" : failure.outcome().name() + ": ", PathText.escape(failure.reason()));
        }
        if (failures.size() > FAILURES_SHOWN)
        {
            out.printf(Locale.ROOT, "    ... %,d more%s%n", failures.size() - FAILURES_SHOWN,
                jsonWritten ? " in the JSON report" : " (--json FILE lists them all)");
        }
    }
}
