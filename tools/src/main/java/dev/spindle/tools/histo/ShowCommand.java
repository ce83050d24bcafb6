package dev.spindle.tools.histo;

import dev.spindle.journal.json.Json;
import dev.spindle.tools.PathText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spindle histo show}: one interval log's latency distribution per tag, as a table or JSON. */
@Command(name = "show", description = {
    "Percentile table per tag of an HdrHistogram interval log (.hlog): count, mean, percentiles and max of all "
        + "selected intervals added up, in µs/ms.",
    "Exit status: 0 ok, 2 usage error, 3 bad input file (missing, not an interval log, or without a requested tag)."})
final class ShowCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The interval log (.hlog).")
    Path file;

    @Mixin
    LogSelection selection;

    @Option(names = "--percentiles", paramLabel = "P,P...", split = ",", converter = Statistic.Converter.class,
        defaultValue = Statistic.DEFAULT_PERCENTILES, description = "Percentiles to show (default: ${DEFAULT-VALUE}).")
    List<Statistic> percentiles;

    @Option(names = "--json", description = "Print the table as JSON (latencies in microseconds) instead.")
    boolean json;

    @Override
    public Integer call()
    {
        final HistogramLog log;
        final List<TaggedHistogram> tags;
        try
        {
            log = selection.read(file);
            tags = log.select(selection.tags);
        }
        catch (final BadInputException e)
        {
            return HistoExit.badInput(spec, e);
        }
        final List<Statistic> columns = Statistic.summary(percentiles);
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            out.println(Json.write(json(log, tags, columns)));
        }
        else
        {
            out.println(PathText.escape(log.describe()));
            table(tags, columns).print(out);
        }
        out.flush();
        return HistoExit.OK;
    }

    private static TextTable table(final List<TaggedHistogram> tags, final List<Statistic> columns)
    {
        final TextTable table = new TextTable(1);
        final List<String> header = new ArrayList<>(List.of("tag"));
        columns.forEach(c -> header.add(c.label()));
        table.row(header.toArray(String[]::new));
        for (final TaggedHistogram tag : tags)
        {
            final List<String> row = new ArrayList<>(List.of(tag.tag()));
            for (final Statistic column : columns)
            {
                row.add(column.isLatency() ? Numbers.latency(tag.nanos(column)) : Numbers.count(tag.count()));
            }
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    private static Map<String, Object> json(final HistogramLog log, final List<TaggedHistogram> tags, final List<Statistic> columns)
    {
        final Map<String, Object> json = log.json();
        final List<Object> rows = new ArrayList<>();
        for (final TaggedHistogram tag : tags)
        {
            rows.add(summary(tag, columns));
        }
        json.put("tags", rows);
        return json;
    }

    /** {"tag", "intervals", "count", "mean_us", "max_us", "percentiles_us": {"p50": ...}} */
    static Map<String, Object> summary(final TaggedHistogram tag, final List<Statistic> columns)
    {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("tag", tag.tag());
        row.put("intervals", tag.intervals());
        row.put("count", tag.count());
        final Map<String, Object> percentiles = new LinkedHashMap<>();
        for (final Statistic column : columns)
        {
            switch (column.kind())
            {
                case MEAN -> row.put("mean_us", Numbers.micros(tag.nanos(column)));
                case MAX -> row.put("max_us", Numbers.micros(tag.nanos(column)));
                case PERCENTILE -> percentiles.put(column.label(), Numbers.micros(tag.nanos(column)));
                case COUNT -> { }
            }
        }
        row.put("percentiles_us", percentiles);
        return row;
    }
}
