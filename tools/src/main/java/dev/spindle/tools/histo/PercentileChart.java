package dev.spindle.tools.histo;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The percentile-distribution chart, drawn by XChart: latency against percentile on the 1/(1-p) log
 * axis, one line per run and tag. PNG comes from Java2D, SVG from VectorGraphics2D; HTML is that SVG
 * inlined as a data URI above a table of the same figures, so the page fetches nothing.
 */
final class PercentileChart
{
    /** One line of the chart. */
    record Series(String label, TaggedHistogram histogram)
    {
    }

    private static final List<Statistic> TABLE = Statistic.summary(List.of(
        Statistic.percentile(50), Statistic.percentile(90), Statistic.percentile(99), Statistic.percentile(99.9), Statistic.percentile(99.99)));

    private final String title;
    private final int width;
    private final int height;
    private final List<Series> series;
    private final List<Path> files;

    PercentileChart(final String title, final int width, final int height, final List<Series> series, final List<Path> files)
    {
        this.title = title;
        this.width = width;
        this.height = height;
        this.series = List.copyOf(series);
        this.files = List.copyOf(files);
    }

    byte[] render(final ChartFormat format) throws IOException
    {
        return switch (format)
        {
            case PNG -> BitmapEncoder.getBitmapBytes(chart(), BitmapEncoder.BitmapFormat.PNG);
            case SVG -> svg();
            case HTML -> html().getBytes(StandardCharsets.UTF_8);
        };
    }

    XYChart chart()
    {
        double maxNanos = 0;
        for (final Series line : series)
        {
            maxNanos = Math.max(maxNanos, line.histogram().nanos(Statistic.MAX));
        }
        final String unit = maxNanos >= 1e9 ? "s" : maxNanos >= 1e6 ? "ms" : "µs";
        final double scale = maxNanos >= 1e9 ? 1e9 : maxNanos >= 1e6 ? 1e6 : 1e3;

        final XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
            .xAxisTitle("percentile").yAxisTitle("latency (" + unit + ")").build();
        final XYStyler style = chart.getStyler();
        style.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        // 1/(1-p) on a log axis, drawn as its logarithm on a linear one: XChart's log axis cannot take custom tick labels.
        style.setXAxisMin(0.0);
        style.setYAxisMin(0.0);
        style.setxAxisTickLabelsFormattingFunction(PercentileCurve::axisLabel);
        style.setLegendPosition(LegendPosition.InsideNW);
        style.setChartBackgroundColor(Color.WHITE);

        final Set<String> names = new HashSet<>();
        double maxNines = 1;
        for (final Series line : series)
        {
            final PercentileCurve curve = PercentileCurve.of(line.histogram().histogram(), line.histogram().unit());
            maxNines = Math.max(maxNines, curve.nines()[curve.nines().length - 1]);
            final double[] y = new double[curve.nanos().length];
            for (int i = 0; i < y.length; i++)
            {
                y[i] = curve.nanos()[i] / scale;
            }
            String name = line.label();
            for (int n = 2; !names.add(name); n++)
            {
                name = line.label() + " (" + n + ")";
            }
            chart.addSeries(name, curve.nines(), y).setMarker(SeriesMarkers.NONE);
        }
        style.setXAxisMax(Math.ceil(maxNines - 1e-9));
        return chart;
    }

    private byte[] svg() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart(), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toByteArray();
    }

    private String html() throws IOException
    {
        final StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(HtmlText.escape(title))
            .append("</title>\n<style>\nbody { font-family: sans-serif; margin: 2em; color: #222; }\n")
            .append("table { border-collapse: collapse; margin-top: 1em; }\n")
            .append("th, td { padding: 3px 12px; text-align: right; border-bottom: 1px solid #ddd; }\n")
            .append("th:first-child, td:first-child { text-align: left; }\n</style>\n</head>\n<body>\n<h1>")
            .append(HtmlText.escape(title)).append("</h1>\n<img alt=\"latency by percentile\" width=\"").append(width).append("\" height=\"")
            .append(height).append("\" src=\"data:image/svg+xml;base64,").append(Base64.getEncoder().encodeToString(svg()))
            .append("\">\n<table>\n<thead><tr><th>series</th>");
        for (final Statistic statistic : TABLE)
        {
            page.append("<th>").append(statistic.label()).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (final Series line : series)
        {
            page.append("<tr><td>").append(HtmlText.escape(line.label())).append("</td>");
            for (final Statistic statistic : TABLE)
            {
                final String cell = statistic.isLatency()
                    ? Numbers.latency(line.histogram().nanos(statistic))
                    : Numbers.count(line.histogram().count());
                page.append("<td>").append(HtmlText.escape(cell)).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n<p>From ");
        for (int i = 0; i < files.size(); i++)
        {
            page.append(i == 0 ? "" : ", ").append("<code>").append(HtmlText.escape(files.get(i).toString())).append("</code>");
        }
        page.append(" by spindle histo plot.</p>\n</body>\n</html>\n");
        return page.toString();
    }
}
