package dev.spindle.tools.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn by XChart and inlined as PNG data URIs so the page fetches nothing.
 * PNG rather than SVG: XChart's SVG draws text as outlines, about 300 KB a chart against 30 KB;
 * the cost is a fixed resolution (charts blur when zoomed).
 */
final class ReportCharts
{
    static final int WIDTH = 900;
    static final int HEIGHT = 340;

    private ReportCharts()
    {
    }

    /** One line per metric, latency by percentile; metrics without samples are left out. */
    static XYChart percentiles(final Map<String, Histogram> metrics)
    {
        double maxNanos = 1;
        for (final Histogram histogram : metrics.values())
        {
            maxNanos = Math.max(maxNanos, histogram.getMaxValue());
        }
        final String unit = maxNanos >= 1e9 ? "s" : maxNanos >= 1e6 ? "ms" : "µs";
        final double scale = maxNanos >= 1e9 ? 1e9 : maxNanos >= 1e6 ? 1e6 : 1e3;
        final XYChart chart = xy("Latency by percentile", "percentile", "latency (" + unit + ")");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(PercentilePoints::axisLabel);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        double maxNines = 1;
        for (final Map.Entry<String, Histogram> metric : metrics.entrySet())
        {
            if (metric.getValue().getTotalCount() == 0)
            {
                continue;
            }
            final PercentilePoints curve = PercentilePoints.of(metric.getValue());
            final double[] y = curve.nanos().clone();
            for (int i = 0; i < y.length; i++)
            {
                y[i] /= scale;
            }
            maxNines = Math.max(maxNines, curve.nines()[curve.nines().length - 1]);
            chart.addSeries(metric.getKey(), curve.nines(), y).setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setXAxisMax(Math.ceil(maxNines - 1e-9));
        return chart;
    }

    static XYChart overTime(final String title, final String yTitle, final double[] seconds, final Map<String, double[]> lines)
    {
        final XYChart chart = xy(title, "seconds since start", yTitle);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##");
        for (final Map.Entry<String, double[]> line : lines.entrySet())
        {
            chart.addSeries(line.getKey(), seconds, line.getValue()).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** A knob after each decision, held until the next: a step line starting at the run's first value. */
    static XYChart steps(final String title, final String yTitle, final double[] seconds, final double[] values)
    {
        final XYChart chart = overTime(title, yTitle, seconds, Map.of(yTitle, values));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Step);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    static CategoryChart bars(final String title, final String xTitle, final List<String> labels, final double[] counts)
    {
        final CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
            .yAxisTitle("batches").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        final List<Double> values = new ArrayList<>(counts.length);
        for (final double count : counts)
        {
            values.add(count);
        }
        chart.addSeries("batches", labels, values);
        return chart;
    }

    static String pngDataUri(final Chart<?, ?> chart) throws IOException
    {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart xy(final String title, final String xTitle, final String yTitle)
    {
        final XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        return chart;
    }
}
