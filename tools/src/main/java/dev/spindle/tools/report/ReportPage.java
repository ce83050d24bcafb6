package dev.spindle.tools.report;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.journal.JournalContents;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.replay.RunStats;
import dev.spindle.tools.histo.HtmlText;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One run as a self-contained HTML page: inline CSS, charts as PNG data URIs, no script and no
 * external reference, so it opens offline and can be mailed as one file. The summary figures come
 * from {@link RunStats} (items and batches), the over-time charts from the journal's intervals.
 */
final class ReportPage
{
    private static final int MAX_WORKER_LINES = 16;
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:1000px}"
        + "table{border-collapse:collapse;margin:0.5em 0 1em}th,td{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}"
        + "th:first-child,td:first-child{text-align:left}table.fields th{text-align:left;font-weight:normal;color:#555}"
        + "table.fields td{text-align:left}h2{margin-top:1.5em;border-bottom:2px solid #446}img{display:block;margin:0.5em 0}"
        + "td{white-space:nowrap}td:last-child,th:last-child{text-align:left;white-space:normal}.note{color:#555}";

    private ReportPage()
    {
    }

    static String render(final String title, final JournalContents contents, final RecordedRun run, final RunStats stats) throws IOException
    {
        final Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + HtmlText.escape(title) + "</title>\n<style>"
            + STYLE + "</style>\n</head>\n<body>\n").element("h1", title);
        html.fields(header(run));
        html.element("h2", "Summary").fields(summary(run, stats));
        html.table(List.of("latency", "count", "mean", "p50", "p99", "p99.9", "max"), List.of(
            latencyRow("queue wait", stats.queueWait()), latencyRow("batch service", stats.batchService()),
            latencyRow("end to end", stats.endToEnd())));
        html.element("h2", "Latency by percentile").image("latency by percentile", ReportCharts.pngDataUri(ReportCharts.percentiles(totals(run))));
        overTime(html, run);
        final BatchShape shape = BatchShape.of(run);
        html.element("h2", "Batches");
        html.image("items per batch", ReportCharts.pngDataUri(ReportCharts.bars("Items per batch", "items", shape.sizeLabels(), shape.sizeCounts())));
        html.image("batch fill", ReportCharts.pngDataUri(ReportCharts.bars("Batch fill (complexity / budget in force)", "fill",
            shape.fillLabels(), shape.fillCounts())));
        html.image("close reasons", ReportCharts.pngDataUri(ReportCharts.bars("Close reasons", "reason", shape.reasonLabels(), shape.reasonCounts())));
        tuner(html, TunerTimeline.of(run));
        html.element("h2", "Journal");
        html.element("p", contents.runs().size() + " run(s) in the journal; " + contents.skippedRecords() + " record(s) skipped; "
            + contents.problems().size() + " problem(s)" + (contents.problems().isEmpty() ? "." : ": " + String.join("; ", contents.problems())));
        html.raw("<p class=\"note\">Written by spindle report.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static List<String[]> header(final RecordedRun run)
    {
        final RunInfo e = run.header().engine();
        final List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", run.index() + (run.header().resumeOf() >= 0 ? " (resumes run " + run.header().resumeOf() + ")" : "")});
        rows.add(new String[] {"command", run.header().command()});
        rows.add(new String[] {"source", run.header().source()});
        rows.add(new String[] {"processor", run.header().processor()});
        rows.add(new String[] {"started", Instant.ofEpochMilli(e.startEpochMillis()).toString()});
        rows.add(new String[] {"ended", run.closed() ? "after " + Figures.nanos(run.footer().endNanos() - e.startNanos()) : "did not close (crash or still running)"});
        rows.add(new String[] {"engine", "spindle " + e.spindleVersion() + ", " + e.workers() + " workers, ring " + e.ringSize()
            + ", budget " + Figures.decimal(e.complexityBudget()) + ", max " + e.maxBatchItems() + " items, linger "
            + Figures.nanos(e.maxLingerNanos()) + ", " + e.backpressure() + ", " + e.waitMode() + ", " + e.pinning()});
        rows.add(new String[] {"dispatch", e.dispatch()});
        rows.add(new String[] {"tuning", e.tuning() + ", interval " + Figures.nanos(e.intervalNanos())});
        rows.add(new String[] {"machine", e.cores() + " cores, max heap " + (e.maxHeapBytes() >> 20) + " MiB, " + e.jvm()});
        return rows;
    }

    private static List<String[]> summary(final RecordedRun run, final RunStats s)
    {
        final List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"items", Figures.count(s.items()) + " submitted, " + Figures.count(s.processed()) + " processed, "
            + Figures.count(s.inFlight()) + " in flight"});
        final StringBuilder outcomes = new StringBuilder();
        for (final Outcome outcome : Outcome.values())
        {
            outcomes.append(outcomes.length() == 0 ? "" : ", ").append(outcome.name().toLowerCase(Locale.ROOT)).append(' ')
                .append(Figures.count(s.outcomes().get(outcome)));
        }
        rows.add(new String[] {"outcomes", outcomes.toString()});
        rows.add(new String[] {"throughput", Figures.decimal(s.itemsPerSecond()) + " items/s"});
        rows.add(new String[] {"makespan", Figures.nanos(s.makespanNanos()) + " (lower bound " + Figures.nanos(s.lowerBoundNanos())
            + ", ratio " + Figures.decimal(s.makespanOverLowerBound()) + ")"});
        rows.add(new String[] {"utilization", Figures.percent(s.utilization()) + " of " + s.workers() + " workers"
            + (run.closed() ? " (engine's own: " + Figures.percent(run.footer().utilization()) + ")" : "")});
        rows.add(new String[] {"batches", Figures.count(s.batches()) + ", mean " + Figures.decimal(s.meanBatchItems()) + " items, mean complexity "
            + Figures.decimal(s.meanBatchComplexity())});
        return rows;
    }

    private static List<String> latencyRow(final String name, final LatencySummary l)
    {
        return List.of(name, Figures.count(l.count()), Figures.nanos(l.meanNanos()), Figures.nanos(l.p50Nanos()), Figures.nanos(l.p99Nanos()),
            Figures.nanos(l.p999Nanos()), Figures.nanos(l.maxNanos()));
    }

    static Map<String, Histogram> totals(final RecordedRun run)
    {
        final Map<String, Histogram> totals = new LinkedHashMap<>();
        for (final String name : List.of("queue wait", "batch service", "item service", "end to end"))
        {
            totals.put(name, new Histogram(3));
        }
        for (final RecordedInterval interval : run.intervals())
        {
            totals.get("queue wait").add(interval.queueWait());
            totals.get("batch service").add(interval.batchService());
            totals.get("item service").add(interval.itemService());
            totals.get("end to end").add(interval.endToEnd());
        }
        return totals;
    }

    private static void overTime(final Html html, final RecordedRun run) throws IOException
    {
        html.element("h2", "Over time");
        final IntervalSeries series = IntervalSeries.of(run);
        if (series.size() < 2)
        {
            html.element("p", "Fewer than two metrics intervals were recorded: nothing to plot over time.");
            return;
        }
        final Map<String, double[]> rates = new LinkedHashMap<>();
        rates.put("arrived", series.arrivedPerSecond());
        rates.put("completed", series.completedPerSecond());
        html.image("throughput", ReportCharts.pngDataUri(ReportCharts.overTime("Throughput", "items/s", series.seconds(), rates)));
        final Map<String, double[]> utilization = new LinkedHashMap<>();
        utilization.put("engine", series.utilization());
        final double[][] workers = WorkerBusy.perInterval(run);
        for (int w = 0; w < workers.length && workers.length <= MAX_WORKER_LINES; w++)
        {
            utilization.put("worker " + w, workers[w]);
        }
        html.image("utilization", ReportCharts.pngDataUri(ReportCharts.overTime("Utilization", "busy share", series.seconds(), utilization)));
        html.image("queue depth", ReportCharts.pngDataUri(ReportCharts.overTime("Queue depth", "items waiting", series.seconds(),
            Map.of("backlog", series.backlog()))));
        html.image("p99 per interval", ReportCharts.pngDataUri(ReportCharts.overTime("End-to-end p99 per interval", "ms", series.seconds(),
            Map.of("p99", series.endToEndP99Millis()))));
    }

    private static void tuner(final Html html, final TunerTimeline tuner) throws IOException
    {
        html.element("h2", "Tuner decisions");
        if (tuner.decisions() == 0)
        {
            html.element("p", "No tuner decisions were recorded (fixed knobs, or the run was shorter than an interval).");
            return;
        }
        html.image("active workers", ReportCharts.pngDataUri(ReportCharts.steps("Active workers", "workers", tuner.seconds(), tuner.workers())));
        html.image("complexity budget", ReportCharts.pngDataUri(ReportCharts.steps("Complexity budget", "budget", tuner.seconds(), tuner.budget())));
        html.element("p", tuner.decisions() + " decisions; " + (tuner.rows().size() + tuner.omittedRows())
            + " moved a knob or changed state" + (tuner.omittedRows() > 0 ? " (the first " + tuner.rows().size() + " are listed)." : ":"));
        html.table(List.of("interval", "at s", "state", "budget", "linger", "workers", "reason"), tuner.rows());
    }
}
