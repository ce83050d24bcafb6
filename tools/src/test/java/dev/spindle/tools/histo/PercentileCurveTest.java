package dev.spindle.tools.histo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The plot's x axis: percentiles as "nines", labelled at whole nines, ending at the max. */
class PercentileCurveTest
{
    @Test
    void pointsClimbThroughTheNinesAndEndAtTheMax()
    {
        final Histogram histogram = new Histogram(3);
        for (int value = 1; value <= 10_000; value++)
        {
            histogram.recordValue(value);
        }

        final PercentileCurve curve = PercentileCurve.of(histogram, ValueUnit.US);

        final int last = curve.nines().length - 1;
        for (int i = 1; i <= last; i++)
        {
            assertTrue(curve.nines()[i] >= curve.nines()[i - 1], "x never goes back");
            assertTrue(curve.nanos()[i] >= curve.nanos()[i - 1], "latency never falls with the percentile");
        }
        assertTrue(curve.nines()[last] >= 4.0 && curve.nines()[last] < 4.1, "the max sits at 1-in-count or past the last percentile point: "
            + curve.nines()[last]);
        assertEquals(histogram.getMaxValue() * 1e3, curve.nanos()[last], "recorded in µs, plotted from nanoseconds");
        for (int i = 0; i < last; i++)
        {
            if (Math.abs(curve.nines()[i] - 2) < 0.01)
            {
                assertEquals(9_900e3, curve.nanos()[i], 9_900e3 * 0.002, "p99 of 1..10,000");
            }
        }
    }

    @Test
    void wholeNinesAreLabelledAsPercentilesAndTheTicksBetweenAreNot()
    {
        assertEquals("0%", PercentileCurve.axisLabel(0));
        assertEquals("90%", PercentileCurve.axisLabel(1));
        assertEquals("99%", PercentileCurve.axisLabel(2.0000000000001));
        assertEquals("99.9%", PercentileCurve.axisLabel(3));
        assertEquals("99.9999%", PercentileCurve.axisLabel(6));
        assertEquals("", PercentileCurve.axisLabel(0.5));
        assertEquals(2.0, PercentileCurve.nines(99), 1e-12);
    }
}
