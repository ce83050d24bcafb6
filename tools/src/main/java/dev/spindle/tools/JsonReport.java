package dev.spindle.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.journal.WriteFailedException;

/**
 * Writes a run's machine-readable report: flat counts first (files_seen always equals succeeded +
 * failed + rejected + timed_out + skipped), then the skipped entries (bounded like the failures), then the failures: every one up to {@link RunTally#FAILURES_KEPT},
 * past that the first ones in walk order with the rest counted in failures_not_listed. Streams to a temp file beside the target and
 * renames it, so a reader never sees half a report, at the cost of needing write access to the directory.
 */
final class JsonReport
{
    private JsonReport()
    {
    }

    static void write(final Path file, final RunResult run) throws IOException
    {
        final Path absolute = file.toAbsolutePath();
        final Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try
        {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8)))
            {
                write(out, run);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            Files.deleteIfExists(temp); // a half-written report frees its space; the target is untouched
            throw new WriteFailedException(file, e, "");
        }
    }

    static void write(final Writer out, final RunResult run) throws IOException
    {
        final PerformanceReport engine = run.engine();
        final LatencySummary e2e = engine.endToEnd();
        out.write("{\n");
        field(out, "dir", JsonText.quote(run.dir()));
        field(out, "interrupted", Boolean.toString(run.interruptedBy() != null));
        if (run.interruptedBy() != null)
        {
            field(out, "signal", JsonText.quote(run.interruptedBy()));
        }
        field(out, "files_seen", Long.toString(run.filesSeen()));
        field(out, "submitted", Long.toString(engine.submitted()));
        field(out, "succeeded", Long.toString(run.succeeded()));
        field(out, "failed", Long.toString(run.failed()));
        field(out, "rejected", Long.toString(run.rejected()));
        field(out, "timed_out", Long.toString(run.timedOut()));
        field(out, "skipped", Long.toString(run.skipped()));
        field(out, "workers", Integer.toString(engine.workers()));
        field(out, "dispatch", JsonText.quote(engine.dispatch()));
        field(out, "wall_ms", JsonText.number(engine.wallNanos() / 1e6));
        field(out, "items_per_second", JsonText.number(engine.itemsPerSecond()));
        field(out, "utilization", JsonText.number(engine.utilization()));
        field(out, "batches", Long.toString(engine.batches()));
        field(out, "mean_batch_items", JsonText.number(engine.meanItemsPerBatch()));
        field(out, "e2e_us", "{\"p50\": " + JsonText.number(e2e.p50Micros())
            + ", \"p99\": " + JsonText.number(e2e.p99Micros())
            + ", \"p999\": " + JsonText.number(e2e.p999Micros())
            + ", \"max\": " + JsonText.number(e2e.maxMicros()) + "}");
        final ProcessorReport processing = run.processing();
        field(out, "processor", JsonText.quote(processing.processor()));
        if (processing.ml())
        {
            field(out, "ml", "{\"computed\": " + processing.computed()
                + ", \"duplicates\": " + processing.duplicates()
                + ", \"cached_content\": " + processing.cachedContent()
                + ", \"fast_path\": " + processing.fastPath()
                + ", \"rows\": " + processing.rows()
                + ", \"cache\": " + JsonText.quote(processing.cache()) + "}");
        }
        field(out, "skipped_not_listed", Long.toString(run.skipsNotListed()));
        writeSkips(out, run);
        field(out, "failures_not_listed", Long.toString(run.failuresNotListed()));
        out.write("  \"failures\": [");
        boolean first = true;
        for (final FailureRecord failure : run.failures())
        {
            out.write(first ? "\n    {" : ",\n    {");
            first = false;
            out.write("\"id\": " + failure.id() + ", \"path\": ");
            JsonText.appendQuoted(out, failure.path());
            if (failure.pathUri() != null)
            {
                out.write(", \"path_uri\": ");
                JsonText.appendQuoted(out, failure.pathUri());
            }
            out.write(", \"outcome\": \"" + failure.outcome().name() + "\", \"reason\": ");
            JsonText.appendQuoted(out, failure.reason());
            out.write('}');
        }
        out.write(first ? "]\n}\n" : "\n  ]\n}\n");
    }

    /** {@code "skipped_entries": [{"id", "path", "path_uri"?, "reason"}]}, in walk order. */
    private static void writeSkips(final Writer out, final RunResult run) throws IOException
    {
        out.write("  \"skipped_entries\": [");
        boolean first = true;
        for (final SkipRecord skip : run.skips())
        {
            out.write(first ? "\n    {" : ",\n    {");
            first = false;
            out.write("\"id\": " + skip.id() + ", \"path\": ");
            JsonText.appendQuoted(out, skip.path());
            if (skip.pathUri() != null)
            {
                out.write(", \"path_uri\": ");
                JsonText.appendQuoted(out, skip.pathUri());
            }
            out.write(", \"reason\": ");
            JsonText.appendQuoted(out, skip.reason());
            out.write('}');
        }
        out.write(first ? "],\n" : "\n  ],\n");
    }

    private static void field(final Writer out, final String name, final String jsonValue) throws IOException
    {
        out.write("  \"" + name + "\": " + jsonValue + ",\n");
    }
}
