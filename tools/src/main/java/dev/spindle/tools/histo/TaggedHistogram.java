package dev.spindle.tools.histo;

import org.HdrHistogram.Histogram;

/**
 * One tag's interval histograms added up. Values stay in the log's recorded unit; {@link #nanos}
 * converts a figure for display.
 */
record TaggedHistogram(String tag, Histogram histogram, int intervals, ValueUnit unit)
{
    long count()
    {
        return histogram.getTotalCount();
    }

    /** A latency figure in nanoseconds; NaN when the tag recorded nothing. */
    double nanos(final Statistic statistic)
    {
        if (!statistic.isLatency())
        {
            throw new IllegalArgumentException(statistic + " is not a latency");
        }
        return count() == 0 ? Double.NaN : statistic.of(histogram) * unit.nanos;
    }
}
