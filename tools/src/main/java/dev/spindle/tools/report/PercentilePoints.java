package dev.spindle.tools.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency histogram as points on the 1/(1-p) log axis, stored as "nines" (1 = 90 %, 2 = 99 %), ending
 * at the max at log10(count). The same curve {@code histo plot} draws; its class is package-private in
 * the histo package, so the arithmetic is repeated here rather than widened there.
 */
record PercentilePoints(double[] nines, double[] nanos)
{
    static PercentilePoints of(final Histogram histogram)
    {
        final List<double[]> points = new ArrayList<>();
        double lastNines = 0;
        for (final HistogramIterationValue value : histogram.percentiles(5))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100)
            {
                break;
            }
            lastNines = Math.log10(100 / (100 - percentile));
            points.add(new double[] {lastNines, value.getValueIteratedTo()});
        }
        points.add(new double[] {Math.max(lastNines, Math.log10(Math.max(1, histogram.getTotalCount()))), histogram.getMaxValue()});
        final double[] x = new double[points.size()];
        final double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++)
        {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new PercentilePoints(x, y);
    }

    /** "90%" at 1, "99.9%" at 3; ticks between whole nines stay unlabelled. */
    static String axisLabel(final double nines)
    {
        final double whole = Math.rint(nines);
        if (Math.abs(nines - whole) > 1e-9 || whole < 0)
        {
            return "";
        }
        return BigDecimal.valueOf(Math.round((100 - 100 / Math.pow(10, whole)) * 1e9) / 1e9).stripTrailingZeros().toPlainString() + "%";
    }
}
