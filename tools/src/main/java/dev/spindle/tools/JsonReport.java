package dev.spindle.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.journal.WriteFailedException;
import dev.spindle.journal.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes a run's machine-readable report: flat counts first (files_seen always equals succeeded +
 * failed + rejected + timed_out + skipped), then the failures: every one up to {@link RunTally#FAILURES_KEPT},
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
            try (OutputStream out = Files.newOutputStream(temp))
            {
                write(out, run);
            }
            catch (final JacksonIOException e)
            {
                throw e.getCause();
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            Files.deleteIfExists(temp); // a half-written report frees its space; the target is untouched
            throw new WriteFailedException(file, e, "");
        }
    }

    static void write(final OutputStream out, final RunResult run)
    {
        final PerformanceReport engine = run.engine();
        final LatencySummary e2e = engine.endToEnd();
        try (JsonGenerator json = Json.document(out))
        {
            json.writeStartObject();
            json.writeStringProperty("dir", run.dir());
            json.writeBooleanProperty("interrupted", run.interruptedBy() != null);
            if (run.interruptedBy() != null)
            {
                json.writeStringProperty("signal", run.interruptedBy());
            }
            json.writeNumberProperty("files_seen", run.filesSeen());
            json.writeNumberProperty("submitted", engine.submitted());
            json.writeNumberProperty("succeeded", run.succeeded());
            json.writeNumberProperty("failed", run.failed());
            json.writeNumberProperty("rejected", run.rejected());
            json.writeNumberProperty("timed_out", run.timedOut());
            json.writeNumberProperty("skipped", run.skipped());
            json.writeNumberProperty("workers", engine.workers());
            json.writeStringProperty("dispatch", engine.dispatch());
            json.writeNumberProperty("wall_ms", engine.wallNanos() / 1e6);
            json.writeNumberProperty("items_per_second", engine.itemsPerSecond());
            json.writeNumberProperty("utilization", engine.utilization());
            json.writeNumberProperty("batches", engine.batches());
            json.writeNumberProperty("mean_batch_items", engine.meanItemsPerBatch());
            json.writeObjectPropertyStart("e2e_us");
            json.writeNumberProperty("p50", e2e.p50Micros());
            json.writeNumberProperty("p99", e2e.p99Micros());
            json.writeNumberProperty("p999", e2e.p999Micros());
            json.writeNumberProperty("max", e2e.maxMicros());
            json.writeEndObject();
            final ProcessorReport processing = run.processing();
            json.writeStringProperty("processor", processing.processor());
            if (processing.ml())
            {
                json.writeObjectPropertyStart("ml");
                json.writeNumberProperty("computed", processing.computed());
                json.writeNumberProperty("duplicates", processing.duplicates());
                json.writeNumberProperty("cached_content", processing.cachedContent());
                json.writeNumberProperty("fast_path", processing.fastPath());
                json.writeNumberProperty("rows", processing.rows());
                json.writeStringProperty("cache", processing.cache());
                json.writeEndObject();
            }
            json.writeNumberProperty("skipped_not_listed", run.skipsNotListed());
            writeSkips(json, run);
            json.writeNumberProperty("failures_not_listed", run.failuresNotListed());
            json.writeArrayPropertyStart("failures");
            for (final FailureRecord failure : run.failures())
            {
                json.writeStartObject();
                json.writeNumberProperty("id", failure.id());
                json.writeStringProperty("path", failure.path());
                if (failure.pathUri() != null)
                {
                    json.writeStringProperty("path_uri", failure.pathUri());
                }
                json.writeStringProperty("outcome", failure.outcome().name());
                json.writeStringProperty("reason", failure.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /** {@code "skipped_entries": [{"id", "path", "path_uri"?, "reason"}]}, in walk order. */
    private static void writeSkips(final JsonGenerator json, final RunResult run)
    {
        json.writeArrayPropertyStart("skipped_entries");
        for (final SkipRecord skip : run.skips())
        {
            json.writeStartObject();
            json.writeNumberProperty("id", skip.id());
            json.writeStringProperty("path", skip.path());
            if (skip.pathUri() != null)
            {
                json.writeStringProperty("path_uri", skip.pathUri());
            }
            json.writeStringProperty("reason", skip.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
