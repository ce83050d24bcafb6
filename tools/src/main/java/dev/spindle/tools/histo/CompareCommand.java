package dev.spindle.tools.histo;

import dev.spindle.journal.json.Json;
import dev.spindle.tools.PathText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spindle histo compare}: two interval logs side by side, and optionally a performance gate.
 * The gate judges every tag both logs have values for (narrow it with --tag), so a CI job fails
 * on any metric that got worse; a gate with nothing to judge is bad input, never a silent pass.
 */
@Command(name = "compare", description = {
    "Compare two interval logs per tag and statistic, with the ratio B/A; optionally fail when B is worse.",
    "Exit status: 0 ok (gate passed), 2 usage error, 3 bad input file (or nothing to compare), "
        + "4 gate failed: B is worse than A by more than --fail-if-worse PCT."})
final class CompareCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline interval log.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "B", description = "The interval log to judge against A.")
    Path candidate;

    @Mixin
    LogSelection selection;

    @Option(names = "--percentiles", paramLabel = "P,P...", split = ",", converter = Statistic.Converter.class,
        defaultValue = Statistic.DEFAULT_PERCENTILES, description = "Percentiles to compare (default: ${DEFAULT-VALUE}).")
    List<Statistic> percentiles;

    @Option(names = "--fail-if-worse", paramLabel = "PCT",
        description = "Exit 4 when B's latency at the --at statistic exceeds A's by more than PCT percent, in any tag compared.")
    Double limitPercent;

    @Option(names = "--at", paramLabel = "STAT", converter = Statistic.Converter.class, defaultValue = "p99",
        description = "The statistic the gate judges (repeatable): a percentile such as p99 or p99.9, mean or max (default: ${DEFAULT-VALUE}).")
    List<Statistic> at;

    @Option(names = "--json", description = "Print the comparison (and the gate's verdict) as JSON, latencies in microseconds.")
    boolean json;

    /** One gate judgement: B against A for one tag and statistic. */
    record Check(String tag, Statistic statistic, double aNanos, double bNanos)
    {
        double worsePercent()
        {
            if (aNanos == 0)
            {
                return bNanos == 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            return (bNanos / aNanos - 1) * 100;
        }

        String describe()
        {
            return tag + " " + statistic.label() + " " + percent(worsePercent()) + " (" + Numbers.latency(aNanos) + " -> "
                + Numbers.latency(bNanos) + ")";
        }
    }

    @Override
    public Integer call()
    {
        validateGateOptions();
        final HistogramLog a;
        final HistogramLog b;
        final List<String> tags;
        try
        {
            a = selection.read(baseline);
            b = selection.read(candidate);
            tags = tagsToCompare(a, b);
        }
        catch (final BadInputException e)
        {
            return HistoExit.badInput(spec, e);
        }
        final List<Statistic> statistics = Statistic.summary(percentiles);
        final List<Check> checks = new ArrayList<>();
        final List<String> notJudged = new ArrayList<>();
        if (limitPercent != null)
        {
            for (final String tag : tags)
            {
                final TaggedHistogram inA = a.tags().get(tag);
                final TaggedHistogram inB = b.tags().get(tag);
                if (inA == null || inB == null || inA.count() == 0 || inB.count() == 0)
                {
                    notJudged.add(tag);
                    continue;
                }
                for (final Statistic statistic : at)
                {
                    checks.add(new Check(tag, statistic, inA.nanos(statistic), inB.nanos(statistic)));
                }
            }
            if (checks.isEmpty())
            {
                return HistoExit.badInput(spec, new BadInputException("nothing for the gate to judge: no tag has values in both "
                    + baseline + " and " + candidate + " (tags: " + String.join(", ", a.tags().keySet()) + " / "
                    + String.join(", ", b.tags().keySet()) + ")"));
            }
        }
        final List<Check> failures = checks.stream().filter(c -> !(c.worsePercent() <= limitPercent)).toList();

        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            out.println(Json.write(json(a, b, tags, statistics, checks, notJudged)));
        }
        else
        {
            out.println("A  " + PathText.escape(a.describe()));
            out.println("B  " + PathText.escape(b.describe()));
            out.println();
            table(a, b, tags, statistics).print(out);
            if (limitPercent != null)
            {
                out.println();
                out.println(verdict(checks, failures, notJudged));
            }
        }
        out.flush();
        if (!failures.isEmpty())
        {
            final List<String> worse = failures.stream().map(Check::describe).toList();
            return HistoExit.fail(spec, "B is worse than A by more than " + Numbers.plain(limitPercent) + "%: " + String.join("; ", worse),
                HistoExit.GATE_FAILED);
        }
        return HistoExit.OK;
    }

    private void validateGateOptions()
    {
        if (limitPercent != null && !(limitPercent >= 0 && Double.isFinite(limitPercent)))
        {
            throw new ParameterException(spec.commandLine(), "--fail-if-worse takes a percentage >= 0, was " + limitPercent);
        }
        if (limitPercent == null && spec.commandLine().getParseResult().hasMatchedOption("--at"))
        {
            throw new ParameterException(spec.commandLine(), "--at only chooses what --fail-if-worse PCT judges; give --fail-if-worse too");
        }
        for (final Statistic statistic : at)
        {
            if (!statistic.isLatency())
            {
                throw new ParameterException(spec.commandLine(), "--at " + statistic + ": the gate judges latency (a percentile, mean or max)");
            }
        }
    }

    /** The named tags, each required in both logs; otherwise every tag of either, A's order first. */
    private List<String> tagsToCompare(final HistogramLog a, final HistogramLog b) throws BadInputException
    {
        if (!selection.tags.isEmpty())
        {
            for (final String tag : selection.tags)
            {
                a.tag(tag);
                b.tag(tag);
            }
            return List.copyOf(new LinkedHashSet<>(selection.tags));
        }
        final Set<String> union = new LinkedHashSet<>(a.tags().keySet());
        union.addAll(b.tags().keySet());
        return List.copyOf(union);
    }

    private static TextTable table(final HistogramLog a, final HistogramLog b, final List<String> tags, final List<Statistic> statistics)
    {
        final TextTable table = new TextTable(2).row("tag", "stat", "A", "B", "B/A");
        for (final String tag : tags)
        {
            final TaggedHistogram inA = a.tags().get(tag);
            final TaggedHistogram inB = b.tags().get(tag);
            boolean first = true;
            for (final Statistic statistic : statistics)
            {
                final double valueA = value(inA, statistic);
                final double valueB = value(inB, statistic);
                table.row(first ? tag : "", statistic.label(), cell(inA, statistic, valueA), cell(inB, statistic, valueB),
                    ratioText(valueA, valueB));
                first = false;
            }
        }
        return table;
    }

    private String verdict(final List<Check> checks, final List<Check> failures, final List<String> notJudged)
    {
        final String rule = "gate: B at most " + Numbers.plain(limitPercent) + "% worse than A at "
            + String.join(", ", at.stream().map(Statistic::label).toList()) + ": ";
        final String skipped = notJudged.isEmpty() ? "" : "; not judged (no values in both): " + String.join(", ", notJudged);
        if (!failures.isEmpty())
        {
            return rule + "FAILED: " + String.join("; ", failures.stream().map(Check::describe).toList()) + skipped;
        }
        Check worst = checks.get(0);
        for (final Check check : checks)
        {
            if (check.worsePercent() > worst.worsePercent())
            {
                worst = check;
            }
        }
        return rule + "passed (closest: " + worst.describe() + ")" + skipped;
    }

    private Map<String, Object> json(final HistogramLog a, final HistogramLog b, final List<String> tags, final List<Statistic> statistics,
        final List<Check> checks, final List<String> notJudged)
    {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", a.json());
        json.put("b", b.json());
        final List<Object> rows = new ArrayList<>();
        for (final String tag : tags)
        {
            final TaggedHistogram inA = a.tags().get(tag);
            final TaggedHistogram inB = b.tags().get(tag);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("tag", tag);
            row.put("in_a", inA != null);
            row.put("in_b", inB != null);
            final List<Object> stats = new ArrayList<>();
            for (final Statistic statistic : statistics)
            {
                final double valueA = value(inA, statistic);
                final double valueB = value(inB, statistic);
                final Map<String, Object> stat = new LinkedHashMap<>();
                stat.put("stat", statistic.label());
                final boolean latency = statistic.isLatency();
                stat.put(latency ? "a_us" : "a", latency ? Numbers.micros(valueA) : valueA);
                stat.put(latency ? "b_us" : "b", latency ? Numbers.micros(valueB) : valueB);
                stat.put("ratio", ratio(valueA, valueB));
                stats.add(stat);
            }
            row.put("stats", stats);
            rows.add(row);
        }
        json.put("tags", rows);
        json.put("gate", limitPercent == null ? null : gateJson(checks, notJudged));
        return json;
    }

    private Map<String, Object> gateJson(final List<Check> checks, final List<String> notJudged)
    {
        final Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("limit_pct", limitPercent);
        gate.put("at", at.stream().map(Statistic::label).toList());
        gate.put("passed", checks.stream().allMatch(c -> c.worsePercent() <= limitPercent));
        final List<Object> judged = new ArrayList<>();
        for (final Check check : checks)
        {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("tag", check.tag());
            row.put("stat", check.statistic().label());
            row.put("a_us", Numbers.micros(check.aNanos()));
            row.put("b_us", Numbers.micros(check.bNanos()));
            row.put("worse_pct", check.worsePercent());
            row.put("passed", check.worsePercent() <= limitPercent);
            judged.add(row);
        }
        gate.put("checks", judged);
        gate.put("not_judged", notJudged);
        return gate;
    }

    /** Nanoseconds for a latency, the plain count otherwise; NaN when the tag is absent or empty. */
    private static double value(final TaggedHistogram tag, final Statistic statistic)
    {
        if (tag == null)
        {
            return Double.NaN;
        }
        return statistic.isLatency() ? tag.nanos(statistic) : tag.count();
    }

    private static String cell(final TaggedHistogram tag, final Statistic statistic, final double value)
    {
        if (tag == null)
        {
            return "-";
        }
        return statistic.isLatency() ? Numbers.latency(value) : Numbers.count((long)value);
    }

    /** B/A, 1 when both are 0, NaN when either is missing or only A is 0. */
    private static double ratio(final double a, final double b)
    {
        if (Double.isNaN(a) || Double.isNaN(b))
        {
            return Double.NaN;
        }
        if (a == 0)
        {
            return b == 0 ? 1 : Double.NaN;
        }
        return b / a;
    }

    private static String ratioText(final double a, final double b)
    {
        if (a == 0 && b > 0)
        {
            return "inf";
        }
        final double ratio = ratio(a, b);
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String percent(final double value)
    {
        return Double.isInfinite(value) ? "+inf%" : String.format(Locale.ROOT, "%+.1f%%", value);
    }
}
