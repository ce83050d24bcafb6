package dev.spindle.tools.histo;

import dev.spindle.tools.PathText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spindle histo plot}: several runs' latency distributions overlaid in one chart file. */
@Command(name = "plot", description = {
    "Plot latency by percentile (on the usual 1/(1-p) log axis) of one or more interval logs, overlaid, "
        + "into a PNG, an SVG or a self-contained HTML page.",
    "Without --tag each log contributes its endToEnd line when every log has one, otherwise a line per tag.",
    "Exit status: 0 ok, 1 the output could not be written, 2 usage error, 3 bad input file."})
final class PlotCommand implements Callable<Integer>
{
    static final String DEFAULT_TAG = "endToEnd";
    private static final int MIN_SIDE = 200;
    private static final int MAX_SIDE = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Interval logs (.hlog), one set of lines each.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The chart: FILE.png, FILE.svg or FILE.html.")
    Path out;

    @Mixin
    LogSelection selection;

    @Option(names = "--label", paramLabel = "NAME",
        description = "Legend name for each FILE, in order (repeat once per FILE; default: the file name without .hlog).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Latency by percentile",
        description = "Chart title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1000", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "600", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Override
    public Integer call()
    {
        if (System.getProperty("java.awt.headless") == null)
        {
            System.setProperty("java.awt.headless", "true");
        }
        final ChartFormat format = validatedFormat();
        final List<HistogramLog> logs = new ArrayList<>();
        final List<PercentileChart.Series> series;
        try
        {
            for (final Path file : files)
            {
                logs.add(selection.read(file));
            }
            series = series(logs);
        }
        catch (final BadInputException e)
        {
            return HistoExit.badInput(spec, e);
        }
        final Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
        try
        {
            Files.write(temporary, new PercentileChart(title, width, height, series, files).render(format));
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            return HistoExit.fail(spec, "cannot write " + out + ": " + e, HistoExit.ERROR);
        }
        spec.commandLine().getOut().println(PathText.escape("wrote " + out + ": " + series.size() + (series.size() == 1 ? " line (" : " lines (")
            + String.join(", ", series.stream().map(PercentileChart.Series::label).toList()) + ")"));
        spec.commandLine().getOut().flush();
        return HistoExit.OK;
    }

    private ChartFormat validatedFormat()
    {
        final ChartFormat format = ChartFormat.of(out);
        if (format == null)
        {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": the name must end in .png, .svg or .html");
        }
        final Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent))
        {
            throw new ParameterException(spec.commandLine(), "--out " + out + ": no such directory " + parent);
        }
        if (!labels.isEmpty() && labels.size() != files.size())
        {
            throw new ParameterException(spec.commandLine(), "--label was given " + labels.size() + " times for " + files.size()
                + " files; give one per FILE, or none");
        }
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE)
        {
            throw new ParameterException(spec.commandLine(), "--width and --height must be " + MIN_SIDE + ".." + MAX_SIDE + " pixels, were "
                + width + "x" + height);
        }
        return format;
    }

    private List<PercentileChart.Series> series(final List<HistogramLog> logs) throws BadInputException
    {
        final boolean everyLogHasDefault = logs.stream().allMatch(log -> log.tags().containsKey(DEFAULT_TAG));
        final List<String> names = new ArrayList<>();
        final List<TaggedHistogram> lines = new ArrayList<>();
        final Set<String> tagsShown = new HashSet<>();
        for (int i = 0; i < logs.size(); i++)
        {
            final HistogramLog log = logs.get(i);
            final List<TaggedHistogram> tags = !selection.tags.isEmpty() ? log.select(selection.tags)
                : everyLogHasDefault ? List.of(log.tag(DEFAULT_TAG)) : List.copyOf(log.tags().values());
            for (final TaggedHistogram tag : tags)
            {
                if (tag.count() > 0)
                {
                    names.add(labels.isEmpty() ? defaultLabel(files.get(i)) : labels.get(i));
                    lines.add(tag);
                    tagsShown.add(tag.tag());
                }
            }
        }
        if (lines.isEmpty())
        {
            throw new BadInputException("nothing to plot: the selected histograms recorded no values");
        }
        final List<PercentileChart.Series> series = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final TaggedHistogram line = lines.get(i);
            series.add(new PercentileChart.Series(tagsShown.size() > 1 ? names.get(i) + " " + line.tag() : names.get(i), line));
        }
        return series;
    }

    /** The file name without .hlog, or the whole path where two files share a name. */
    private String defaultLabel(final Path file)
    {
        final Set<String> names = new HashSet<>();
        boolean shared = false;
        for (final Path each : files)
        {
            shared |= !names.add(String.valueOf(each.getFileName()));
        }
        final String name = shared ? file.toString() : String.valueOf(file.getFileName());
        return name.endsWith(".hlog") ? name.substring(0, name.length() - ".hlog".length()) : name;
    }
}
