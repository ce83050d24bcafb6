package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.LatencySummary;
import dev.spindle.journal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A recorded run and another (a replay, a simulation, a second recording) measured side by side.
 * Both renderings come from one list of rows, so the text a person reads and the JSON a script
 * reads never disagree.
 *
 * @param intendedEndToEnd the other run's latency from intended send times (a replay's), or null
 * @param notes stand-ins and caveats the other run was produced with
 */
public record AuditReport(String otherLabel, RunStats recorded, RunStats other, LatencySummary intendedEndToEnd, List<String> notes)
{
    public AuditReport
    {
        Objects.requireNonNull(otherLabel, "otherLabel");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(other, "other");
        notes = List.copyOf(notes);
    }

    /** Other makespan / recorded makespan - 1: the relative error of a simulation's prediction. */
    public double makespanError()
    {
        return recorded.makespanNanos() == 0 ? Double.NaN : (double)other.makespanNanos() / recorded.makespanNanos() - 1;
    }

    List<AuditRow> rows()
    {
        final List<AuditRow> rows = new ArrayList<>();
        final RunStats r = recorded;
        final RunStats o = other;
        rows.add(new AuditRow("workers", "workers", AuditRow.Unit.COUNT, r.workers(), o.workers()));
        rows.add(new AuditRow("items", "items", AuditRow.Unit.COUNT, r.items(), o.items()));
        rows.add(new AuditRow("processed", "processed", AuditRow.Unit.COUNT, r.processed(), o.processed()));
        rows.add(new AuditRow("throughput", "items_per_second", AuditRow.Unit.PER_SECOND, r.itemsPerSecond(), o.itemsPerSecond()));
        rows.add(new AuditRow("utilization", "utilization", AuditRow.Unit.SHARE, r.utilization(), o.utilization()));
        rows.add(new AuditRow("makespan", "makespan_ns", AuditRow.Unit.NANOS, r.makespanNanos(), o.makespanNanos()));
        rows.add(new AuditRow("lower bound", "lower_bound_ns", AuditRow.Unit.NANOS, r.lowerBoundNanos(), o.lowerBoundNanos()));
        rows.add(new AuditRow("makespan / lower bound", "makespan_over_lower_bound", AuditRow.Unit.PLAIN,
            r.makespanOverLowerBound(), o.makespanOverLowerBound()));
        latency(rows, "queue wait", "queue_wait", r.queueWait(), o.queueWait());
        latency(rows, "batch service", "batch_service", r.batchService(), o.batchService());
        latency(rows, "end-to-end", "end_to_end", r.endToEnd(), o.endToEnd());
        if (intendedEndToEnd != null)
        {
            latency(rows, "end-to-end from intended send", "intended_end_to_end", r.endToEnd(), intendedEndToEnd);
        }
        rows.add(new AuditRow("batches", "batches", AuditRow.Unit.COUNT, r.batches(), o.batches()));
        rows.add(new AuditRow("mean items per batch", "mean_batch_items", AuditRow.Unit.PLAIN, r.meanBatchItems(), o.meanBatchItems()));
        rows.add(new AuditRow("mean complexity per batch", "mean_batch_complexity", AuditRow.Unit.PLAIN, r.meanBatchComplexity(),
            o.meanBatchComplexity()));
        for (final CloseReason reason : CloseReason.values())
        {
            rows.add(new AuditRow("closed by " + reason.name(), "closed_" + reason.name().toLowerCase(Locale.ROOT), AuditRow.Unit.SHARE,
                r.closeReasonShares().get(reason), o.closeReasonShares().get(reason)));
        }
        for (final Outcome outcome : Outcome.values())
        {
            rows.add(new AuditRow(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '), outcome.name().toLowerCase(Locale.ROOT),
                AuditRow.Unit.COUNT, r.outcomes().get(outcome), o.outcomes().get(outcome)));
        }
        rows.add(new AuditRow("in flight", "in_flight", AuditRow.Unit.COUNT, r.inFlight(), o.inFlight()));
        return rows;
    }

    private static void latency(final List<AuditRow> rows, final String name, final String key, final LatencySummary r,
        final LatencySummary o)
    {
        rows.add(new AuditRow(name + " p50", key + "_p50_ns", AuditRow.Unit.NANOS, r.p50Nanos(), o.p50Nanos()));
        rows.add(new AuditRow(name + " p99", key + "_p99_ns", AuditRow.Unit.NANOS, r.p99Nanos(), o.p99Nanos()));
        rows.add(new AuditRow(name + " p99.9", key + "_p999_ns", AuditRow.Unit.NANOS, r.p999Nanos(), o.p999Nanos()));
        rows.add(new AuditRow(name + " max", key + "_max_ns", AuditRow.Unit.NANOS, r.maxNanos(), o.maxNanos()));
    }

    public String toText()
    {
        final List<AuditRow> rows = rows();
        int nameWidth = "metric".length();
        for (final AuditRow row : rows)
        {
            nameWidth = Math.max(nameWidth, row.name().length());
        }
        final int valueWidth = Math.max(14, otherLabel.length());
        final String line = "%-" + nameWidth + "s  %" + valueWidth + "s  %" + valueWidth + "s  %7s%n";
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, line, "metric", "recorded", otherLabel, "ratio"));
        for (final AuditRow row : rows)
        {
            final double ratio = row.ratio();
            out.append(String.format(Locale.ROOT, line, row.name(), AuditRow.format(row.unit(), row.recorded()),
                AuditRow.format(row.unit(), row.other()), Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", ratio)));
        }
        if (intendedEndToEnd != null)
        {
            out.append("(end-to-end from intended send: the ").append(otherLabel)
                .append(" column counts from each item's intended send time; the recorded column is the recording's end-to-end)")
                .append(System.lineSeparator());
        }
        for (final String note : notes)
        {
            out.append("note: ").append(note).append(System.lineSeparator());
        }
        return out.toString();
    }

    public String toJson()
    {
        final List<AuditRow> rows = rows();
        return Json.write(json ->
        {
            json.writeStartObject();
            json.writeStringProperty("label", otherLabel);
            json.writeObjectPropertyStart("recorded");
            for (final AuditRow row : rows)
            {
                json.writeNumberProperty(row.key(), row.recorded());
            }
            json.writeEndObject();
            json.writeObjectPropertyStart("other");
            for (final AuditRow row : rows)
            {
                json.writeNumberProperty(row.key(), row.other());
            }
            json.writeEndObject();
            json.writeObjectPropertyStart("ratio");
            for (final AuditRow row : rows)
            {
                json.writeNumberProperty(row.key(), row.ratio());
            }
            json.writeEndObject();
            json.writeArrayPropertyStart("notes");
            for (final String note : notes)
            {
                json.writeString(note);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
