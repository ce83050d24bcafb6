package dev.spindle.tools.report;

import java.util.Locale;

/** Number formats for the report's tables: durations with a unit, counts with separators, shares as percent. */
final class Figures
{
    private Figures()
    {
    }

    /** Three significant digits in µs, ms or s, moving up a unit where rounding would print 1000. */
    static String nanos(final double nanos)
    {
        if (!Double.isFinite(nanos) || nanos < 0)
        {
            return "-";
        }
        if (nanos >= 999.5e6)
        {
            return significant(nanos / 1e9) + " s";
        }
        return nanos >= 999.5e3 ? significant(nanos / 1e6) + " ms" : significant(nanos / 1e3) + " µs";
    }

    private static String significant(final double value)
    {
        final String pattern = value >= 99.95 ? "%.0f" : value >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String count(final long count)
    {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String decimal(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.2f", value) : "-";
    }

    static String percent(final double share)
    {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "-";
    }
}
