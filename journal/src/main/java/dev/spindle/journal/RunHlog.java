package dev.spindle.journal;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Each run's interval histograms as a standard HdrHistogram interval log, {@code run-<index>.hlog} in the
 * journal directory (index as in {@link RecordedRun#index()}), one tag per metric (queueWait,
 * batchService, itemService, endToEnd), values in nanoseconds, the max column in milliseconds. A copy
 * for HdrHistogram's own tools: the journal's records remain the source of truth. HdrHistogram writes
 * through a PrintStream, which swallows write errors, so each write is followed by its checkError.
 */
final class RunHlog implements AutoCloseable
{
    private final Path dir;
    private HistogramLogWriter log;
    private PrintStream stream;
    private Path file;
    private long startEpochMillis;
    private long startNanos;

    RunHlog(final Path dir)
    {
        this.dir = dir;
    }

    static String fileName(final int runIndex)
    {
        return "run-" + runIndex + ".hlog";
    }

    void runStarted(final int runIndex, final long epochMillis, final long nanos) throws FileNotFoundException
    {
        close();
        startEpochMillis = epochMillis;
        startNanos = nanos;
        file = dir.resolve(fileName(runIndex));
        stream = new PrintStream(new FileOutputStream(file.toFile()), false, StandardCharsets.UTF_8);
        log = new HistogramLogWriter(stream);
        log.outputComment("Spindle run " + runIndex + ": interval histograms in ns (tags queueWait, batchService, itemService, endToEnd)");
        log.outputLogFormatVersion();
        log.outputStartTime(epochMillis);
        log.setBaseTime(epochMillis);
        log.outputLegend();
        check();
    }

    /** The log being written, or last written; null before the first run header. */
    Path file()
    {
        return file;
    }

    private void check()
    {
        if (stream.checkError())
        {
            throw new UncheckedIOException(new IOException("writing " + file + " failed (disk full or I/O error)"));
        }
    }

    /** {@code histograms} in {@link IntervalDescriptor#HISTOGRAM_TAGS} order. */
    void interval(final long intervalStartNanos, final long lengthNanos, final EncodableHistogram[] histograms)
    {
        if (log == null)
        {
            return;
        }
        final long start = startEpochMillis + TimeUnit.NANOSECONDS.toMillis(intervalStartNanos - startNanos);
        final long end = start + TimeUnit.NANOSECONDS.toMillis(lengthNanos);
        for (int k = 0; k < histograms.length; k++)
        {
            final EncodableHistogram h = histograms[k];
            h.setTag(IntervalDescriptor.HISTOGRAM_TAGS[k]);
            h.setStartTimeStamp(start);
            h.setEndTimeStamp(end);
            log.outputIntervalHistogram(h);
        }
        check();
    }

    @Override
    public void close()
    {
        if (log != null)
        {
            stream.flush();
            final boolean failed = stream.checkError();
            log.close();
            log = null;
            if (failed)
            {
                throw new UncheckedIOException(new IOException("writing " + file + " failed (disk full or I/O error)"));
            }
        }
    }
}
