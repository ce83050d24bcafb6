package dev.spindle.journal.replay;

import java.util.Locale;

/**
 * One line of an audit: a metric of the recorded run beside the same metric of the other, and their
 * ratio (other / recorded; NaN when the recorded value is 0 or either is missing).
 *
 * @param key the metric's JSON name, snake case, with its unit as a suffix where it has one
 */
record AuditRow(String name, String key, Unit unit, double recorded, double other)
{
    enum Unit
    {
        COUNT,
        NANOS,
        PER_SECOND,
        SHARE,
        PLAIN
    }

    double ratio()
    {
        return recorded != 0 && Double.isFinite(recorded) && Double.isFinite(other) ? other / recorded : Double.NaN;
    }

    static String format(final Unit unit, final double value)
    {
        if (Double.isNaN(value))
        {
            return "-";
        }
        return switch (unit)
        {
            case COUNT -> String.format(Locale.ROOT, "%,d", (long)value);
            case NANOS -> duration(value);
            case PER_SECOND -> String.format(Locale.ROOT, "%,.1f/s", value);
            case SHARE -> String.format(Locale.ROOT, "%.1f %%", value * 100);
            case PLAIN -> String.format(Locale.ROOT, "%.3f", value);
        };
    }

    static String duration(final double nanos)
    {
        final double abs = Math.abs(nanos);
        if (abs < 1_000)
        {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (abs < 1_000_000)
        {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        if (abs < 1_000_000_000)
        {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
