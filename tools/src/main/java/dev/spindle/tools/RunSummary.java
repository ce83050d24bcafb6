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
        out.printf(Locale.ROOT, "  outcomes   %,d succeeded, %,d failed, %,d rejected, %,d timed out, %,d skipped%n",
            run.succeeded(), run.failed(), run.rejected(), run.timedOut(), run.skipped());
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
        SkippedSummary.print(out, run, jsonWritten);
        final List<FailureRecord> failures = run.failures();
        if (run.notSucceeded() == 0)
        {
            return;
        }
        out.printf(Locale.ROOT, "  not succeeded (%,d):%n", run.notSucceeded());
        final int shown = Math.min(FAILURES_SHOWN, failures.size());
        for (int i = 0; i < shown; i++)
        {
            final FailureRecord failure = failures.get(i);
            out.printf(Locale.ROOT, "    %s: %s%s%n", PathText.terminal(failure.path(), failure.pathUri()), failure.outcome() == Outcome.FAILED
                ? "" : failure.outcome().name() + ": ", PathText.escape(failure.reason()));
        }
        if (run.notSucceeded() > shown)
        {
            out.printf(Locale.ROOT, "    ... and %,d more%s%n", run.notSucceeded() - shown, whereTheRestAre(run, jsonWritten));
        }
    }

    private static String whereTheRestAre(final RunResult run, final boolean jsonWritten)
    {
        if (run.failuresNotListed() > 0)
        {
            return String.format(Locale.ROOT, " (%s the first %,d)", jsonWritten ? "the JSON report lists" : "--json FILE lists", run.failures().size());
        }
        return jsonWritten ? " in the JSON report" : " (--json FILE lists them all)";
    }
}
