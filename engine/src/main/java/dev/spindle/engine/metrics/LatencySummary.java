package dev.spindle.engine.metrics;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency distribution, in nanoseconds. */
public record LatencySummary(long count, double meanNanos, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos)
{
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    public static LatencySummary of(final Histogram histogram)
    {
        if (histogram.getTotalCount() == 0)
        {
            return EMPTY;
        }
        return new LatencySummary(
            histogram.getTotalCount(),
            histogram.getMean(),
            histogram.getValueAtPercentile(50),
            histogram.getValueAtPercentile(99),
            histogram.getValueAtPercentile(99.9),
            histogram.getMaxValue());
    }

    public double p50Micros()
    {
        return p50Nanos / 1000.0;
    }

    public double p99Micros()
    {
        return p99Nanos / 1000.0;
    }

    public double p999Micros()
    {
        return p999Nanos / 1000.0;
    }

    public double maxMicros()
    {
        return maxNanos / 1000.0;
    }
}
