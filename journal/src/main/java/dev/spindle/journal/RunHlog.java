package dev.spindle.journal;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Each run's interval histograms as a standard HdrHistogram interval log, {@code run-<index>.hlog} in the
 * journal directory (index as in {@link RecordedRun#index()}), one tag per metric (queueWait,
 * batchService, itemService, endToEnd), values in nanoseconds, the max column in milliseconds. A copy
 * for HdrHistogram's own tools: the journal's records remain the source of truth.
 */
final class RunHlog implements AutoCloseable
{
    private final Path dir;
    private HistogramLogWriter log;
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
        log = new HistogramLogWriter(dir.resolve(fileName(runIndex)).toFile());
        log.outputComment("Spindle run " + runIndex + ": interval histograms in ns (tags queueWait, batchService, itemService, endToEnd)");
        log.outputLogFormatVersion();
        log.outputStartTime(epochMillis);
        log.setBaseTime(epochMillis);
        log.outputLegend();
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
    }

    @Override
    public void close()
    {
        if (log != null)
        {
            log.close();
            log = null;
        }
    }
}
