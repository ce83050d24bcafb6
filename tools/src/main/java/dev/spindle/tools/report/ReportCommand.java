package dev.spindle.tools.report;

import dev.spindle.tools.PathText;
import dev.spindle.engine.CloseReason;
import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.replay.RunStats;
import dev.spindle.journal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spindle report}: one run of a journal as a single self-contained HTML page. */
@Command(name = "report", description = {
    "Write one run of a journal as a self-contained HTML page (no network fetches): run header, summary, latency by "
        + "percentile, throughput, utilization and queue depth over time, batch sizes, fill and close reasons, tuner decisions.",
    "Exit status: 0 ok, 1 the report could not be written, 2 usage error, 3 bad input (not a journal, empty, corrupt, "
        + "newer format, no such run)."})
public final class ReportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The journal directory (spindle run --journal DIR).")
    Path journal;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The page to write: FILE.html.")
    Path out;

    @Option(names = "--run", paramLabel = "N", description = "Which run of the journal (default: the last).")
    Integer runIndex;

    @Option(names = "--title", paramLabel = "TEXT", description = "Page title (default: Spindle run N).")
    String title;

    @Option(names = "--json", description = "Also print the run's summary figures as one line of JSON on stdout.")
    boolean json;

    @Override
    public Integer call()
    {
        if (System.getProperty("java.awt.headless") == null)
        {
            System.setProperty("java.awt.headless", "true");
        }
        final String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm"))
        {
            throw new ParameterException(spec.commandLine(), "--out must name an .html file: " + out);
        }
        final JournalContents contents;
        try
        {
            contents = JournalReader.read(journal);
        }
        catch (final JournalException e)
        {
            return ReportExit.fail(spec, e.getMessage(), ReportExit.BAD_INPUT);
        }
        if (contents.damage() != null)
        {
            spec.commandLine().getErr().println("spindle report: journal " + journal + " is damaged; reporting on what was recovered: "
                + contents.damage().summary());
        }
        if (contents.runs().isEmpty())
        {
            return ReportExit.fail(spec, journal + ": no run in the journal", ReportExit.BAD_INPUT);
        }
        final int index = runIndex == null ? contents.runs().size() - 1 : runIndex;
        if (index < 0 || index >= contents.runs().size())
        {
            return ReportExit.fail(spec, journal + ": no run " + index + " (the journal has runs 0.." + (contents.runs().size() - 1) + ")",
                ReportExit.BAD_INPUT);
        }
        final RecordedRun run = contents.runs().get(index);
        final RunStats stats = RunStats.of(run);
        final Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
        try
        {
            final String page = ReportPage.render(title == null ? "Spindle run " + index : title, contents, run, stats);
            Files.writeString(temporary, page, StandardCharsets.UTF_8);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            return ReportExit.fail(spec, "cannot write " + out + ": " + e, ReportExit.ERROR);
        }
        spec.commandLine().getOut().println(json ? Json.write(summary(run, stats)) : PathText.escape("wrote " + out + " (run " + index + ", "
            + run.items().size() + " items, " + run.intervals().size() + " intervals, " + run.decisions().size() + " decisions)"));
        spec.commandLine().getOut().flush();
        return ReportExit.OK;
    }

    private Map<String, Object> summary(final RecordedRun run, final RunStats s)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("out", out.toString());
        json.put("run", run.index());
        json.put("closed", run.closed());
        json.put("workers", s.workers());
        json.put("items", s.items());
        json.put("processed", s.processed());
        json.put("in_flight", s.inFlight());
        json.put("makespan_ns", s.makespanNanos());
        json.put("items_per_second", s.itemsPerSecond());
        json.put("utilization", s.utilization());
        json.put("makespan_over_lower_bound", s.makespanOverLowerBound());
        json.put("batches", s.batches());
        json.put("mean_batch_items", s.meanBatchItems());
        json.put("queue_wait", latency(s.queueWait()));
        json.put("batch_service", latency(s.batchService()));
        json.put("end_to_end", latency(s.endToEnd()));
        final Map<String, Object> reasons = new LinkedHashMap<>();
        for (final CloseReason reason : CloseReason.values())
        {
            reasons.put(reason.name().toLowerCase(Locale.ROOT), s.closeReasonShares().get(reason));
        }
        json.put("close_reason_shares", reasons);
        json.put("intervals", run.intervals().size());
        json.put("decisions", run.decisions().size());
        return json;
    }

    private static Map<String, Object> latency(final LatencySummary l)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", l.count());
        json.put("mean_ns", l.meanNanos());
        json.put("p50_ns", l.p50Nanos());
        json.put("p99_ns", l.p99Nanos());
        json.put("p999_ns", l.p999Nanos());
        json.put("max_ns", l.maxNanos());
        return json;
    }
}
