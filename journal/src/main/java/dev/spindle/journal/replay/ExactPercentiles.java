package dev.spindle.journal.replay;

import dev.spindle.engine.metrics.LatencySummary;
import java.util.Arrays;

/**
 * Exact nearest-rank percentiles of a run's own samples: the value at rank ceil(p / 100 × n). Exact
 * where an HdrHistogram is within 1 %, at the price of sorting a copy, which a run of a few million
 * items affords once per audit.
 */
final class ExactPercentiles
{
    private ExactPercentiles()
    {
    }

    static LatencySummary of(final long[] values, final int n)
    {
        if (n == 0)
        {
            return LatencySummary.EMPTY;
        }
        final long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double sum = 0;
        for (final long v : sorted)
        {
            sum += v;
        }
        return new LatencySummary(n, sum / n, rank(sorted, 50), rank(sorted, 99), rank(sorted, 99.9), sorted[n - 1]);
    }

    static long rank(final long[] sorted, final double percentile)
    {
        final int rank = (int)Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
