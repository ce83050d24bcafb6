package dev.spindle.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.spindle.journal.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

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
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (JsonGenerator json = Json.document(Files.newOutputStream(file)))
        {
            json.writeStartArray();
            for (final ShootRow r : rows)
            {
                final ShootRow ref = reference(rows, r.workload());
                json.writeStartObject();
                json.writeStringProperty("workload", r.workload());
                json.writeStringProperty("engine", r.engine());
                json.writeNumberProperty("workers", r.workers());
                json.writeNumberProperty("items", r.items());
                json.writeNumberProperty("items_per_s", sixDigits(r.itemsPerS()));
                json.writeNumberProperty("makespan_over_lb", sixDigits(r.makespanOverLb()));
                json.writeNumberProperty("utilization", sixDigits(r.utilization()));
                json.writeNumberProperty("p50_us", sixDigits(r.p50Us()));
                json.writeNumberProperty("p99_us", sixDigits(r.p99Us()));
                json.writeNumberProperty("p999_us", sixDigits(r.p999Us()));
                json.writeNumberProperty("alloc_bytes_per_item", sixDigits(r.allocBytesPerItem()));
                json.writeNumberProperty("items_per_s_vs_spindle", sixDigits(div(r.itemsPerS(), ref == null ? Double.NaN : ref.itemsPerS())));
                json.writeNumberProperty("makespan_over_lb_vs_spindle",
                    sixDigits(div(r.makespanOverLb(), ref == null ? Double.NaN : ref.makespanOverLb())));
                json.writeNumberProperty("p99_vs_spindle", sixDigits(div(r.p99Us(), ref == null ? Double.NaN : ref.p99Us())));
                json.writeStringProperty("note", r.note());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
        catch (final JacksonIOException e)
        {
            throw e.getCause();
        }
    }

    static double div(final double a, final double b)
    {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }

    /** Six significant digits, as much as a timing run can tell apart; NaN stays NaN (JSON null). */
    private static double sixDigits(final double v)
    {
        return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(6)).doubleValue() : v;
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
