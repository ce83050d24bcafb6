package dev.spindle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@link EngineShootout}: one markdown table per workload, every figure beside its ratio to
 * spindle-tuned's in the same run, and the rows as a JSON array (null where a figure does not apply).
 */
final class ShootReport
{
    static final String REFERENCE = "spindle-tuned";

    private ShootReport()
    {
    }

    static List<String> markdown(final List<ShootRow> rows)
    {
        final List<String> out = new ArrayList<>();
        out.add("| workload | engine | items/s | ×sp | mk/LB | ×sp | util | p50 µs | p99 µs | p99.9 µs | p99 ×sp | B/item | notes |");
        out.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (final ShootRow r : rows)
        {
            final ShootRow ref = reference(rows, r.workload());
            out.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", r.workload(), r.engine(),
                num(r.itemsPerS(), "%,.0f"), ratio(r.itemsPerS(), ref == null ? Double.NaN : ref.itemsPerS()),
                num(r.makespanOverLb(), "%.3f"), ratio(r.makespanOverLb(), ref == null ? Double.NaN : ref.makespanOverLb()),
                num(r.utilization(), "%.2f"), num(r.p50Us(), "%,.1f"), num(r.p99Us(), "%,.1f"), num(r.p999Us(), "%,.1f"),
                ratio(r.p99Us(), ref == null ? Double.NaN : ref.p99Us()), num(r.allocBytesPerItem(), "%.1f"), r.note()));
        }
        return out;
    }

    static ShootRow reference(final List<ShootRow> rows, final String workload)
    {
        for (final ShootRow r : rows)
        {
            if (r.workload().equals(workload) && r.engine().equals(REFERENCE))
            {
                return r;
            }
        }
        return null;
    }

    static void json(final List<ShootRow> rows, final Path file) throws IOException
    {
        final StringBuilder s = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++)
        {
            final ShootRow r = rows.get(i);
            final ShootRow ref = reference(rows, r.workload());
            s.append(String.format(Locale.ROOT, "  {\"workload\": \"%s\", \"engine\": \"%s\", \"workers\": %d, \"items\": %d, \"items_per_s\": %s, "
                    + "\"makespan_over_lb\": %s, \"utilization\": %s, \"p50_us\": %s, \"p99_us\": %s, \"p999_us\": %s, "
                    + "\"alloc_bytes_per_item\": %s, \"items_per_s_vs_spindle\": %s, \"makespan_over_lb_vs_spindle\": %s, "
                    + "\"p99_vs_spindle\": %s, \"note\": \"%s\"}%s%n",
                r.workload(), r.engine(), r.workers(), r.items(), js(r.itemsPerS()), js(r.makespanOverLb()), js(r.utilization()), js(r.p50Us()),
                js(r.p99Us()), js(r.p999Us()), js(r.allocBytesPerItem()), js(div(r.itemsPerS(), ref == null ? Double.NaN : ref.itemsPerS())),
                js(div(r.makespanOverLb(), ref == null ? Double.NaN : ref.makespanOverLb())),
                js(div(r.p99Us(), ref == null ? Double.NaN : ref.p99Us())), r.note().replace("\"", "'"), i + 1 < rows.size() ? "," : ""));
        }
        s.append("]\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    static double div(final double a, final double b)
    {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }

    private static String js(final double v)
    {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String num(final double v, final String format)
    {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    private static String ratio(final double v, final double ref)
    {
        final double r = div(v, ref);
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f", r);
    }
}
