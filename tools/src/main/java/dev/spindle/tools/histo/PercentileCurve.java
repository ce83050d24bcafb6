package dev.spindle.tools.histo;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency distribution as plot points on HdrHistogram's usual percentile axis, 1/(1-p) on a log
 * scale, stored as its logarithm: x counts the "nines" (1 = 90 %, 2 = 99 %, 3 = 99.9 %), so each
 * nine gets the same room on a plain linear axis. The last point is the max, at x = log10(count):
 * the one-in-count worst value.
 */
record PercentileCurve(double[] nines, double[] nanos)
{
    /** Points per halving of the distance to 100 %, as HdrHistogram's percentile output uses. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    static PercentileCurve of(final Histogram histogram, final ValueUnit unit)
    {
        final List<double[]> points = new ArrayList<>();
        double lastNines = 0;
        for (final HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100)
            {
                break;
            }
            lastNines = nines(percentile);
            points.add(new double[] {lastNines, value.getValueIteratedTo() * unit.nanos});
        }
        final double maxNines = Math.max(lastNines, Math.log10(Math.max(1, histogram.getTotalCount())));
        points.add(new double[] {maxNines, histogram.getMaxValue() * unit.nanos});
        final double[] x = new double[points.size()];
        final double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++)
        {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new PercentileCurve(x, y);
    }

    /** log10(1 / (1 - p)): 90 % -> 1, 99 % -> 2, 99.9 % -> 3. */
    static double nines(final double percentile)
    {
        return Math.log10(100 / (100 - percentile));
    }

    /** An axis label for whole nines (0 -> "0%", 1 -> "90%", 3 -> "99.9%"); ticks between them stay unlabelled. */
    static String axisLabel(final double nines)
    {
        final double whole = Math.rint(nines);
        if (Math.abs(nines - whole) > 1e-9 || whole < 0)
        {
            return "";
        }
        final double percentile = 100 - 100 / Math.pow(10, whole);
        return Numbers.plain(Math.round(percentile * 1e9) / 1e9) + "%";
    }
}
