package dev.spindle.tools.histo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats shared by the histo commands' text, JSON and chart labels. */
final class Numbers
{
    private Numbers()
    {
    }

    /** The shortest decimal form, never in exponent notation: 99.9, 50, 0.25. */
    static String plain(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return BigDecimal.valueOf(value).round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }

    /** 40,000 */
    static String count(final long count)
    {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Nanoseconds as microseconds rounded to the nanosecond, for JSON; NaN stays NaN (JSON null). */
    static double micros(final double nanos)
    {
        return Double.isFinite(nanos) ? Math.round(nanos) / 1e3 : Double.NaN;
    }

    /** Durations as a person reads them: µs below a millisecond, ms below a second, then s; three significant digits. */
    static String latency(final double nanos)
    {
        if (!Double.isFinite(nanos))
        {
            return "-";
        }
        final String[] units = {"µs", "ms", "s"};
        final double[] scales = {1e3, 1e6, 1e9};
        for (int i = 0; i < units.length; i++)
        {
            final double value = nanos / scales[i];
            final String digits = threeSignificant(value);
            if (i == units.length - 1 || Math.abs(Double.parseDouble(digits)) < 1000)
            {
                return digits + " " + units[i];
            }
        }
        throw new AssertionError("unreachable");
    }

    private static String threeSignificant(final double value)
    {
        final double magnitude = Math.abs(value);
        final String format = magnitude < 9.995 ? "%.2f" : magnitude < 99.95 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, format, value);
    }
}
