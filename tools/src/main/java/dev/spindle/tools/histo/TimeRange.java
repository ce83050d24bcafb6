package dev.spindle.tools.histo;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Which intervals to read: those starting {@code from..to} seconds after the log's start, both ends
 * included, as HdrHistogram's HistogramLogProcessor selects with -start and -end.
 */
record TimeRange(double fromSeconds, double toSeconds)
{
    static final TimeRange ALL = new TimeRange(0, Double.POSITIVE_INFINITY);

    boolean contains(final double offsetSeconds)
    {
        return offsetSeconds >= fromSeconds && offsetSeconds <= toSeconds;
    }

    boolean isAll()
    {
        return fromSeconds <= 0 && toSeconds == Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString()
    {
        return Numbers.plain(fromSeconds) + ".." + (toSeconds == Double.POSITIVE_INFINITY ? "" : Numbers.plain(toSeconds)) + " s";
    }

    /** Parses {@code A..B}, {@code A..} or {@code ..B}, in seconds. */
    static final class Converter implements ITypeConverter<TimeRange>
    {
        @Override
        public TimeRange convert(final String text)
        {
            final int dots = text.indexOf("..");
            if (dots < 0)
            {
                throw new TypeConversionException("'" + text + "' is not A..B (seconds from the log's start; A.. and ..B leave an end open)");
            }
            final double from = seconds(text.substring(0, dots), 0);
            final double to = seconds(text.substring(dots + 2), Double.POSITIVE_INFINITY);
            if (from > to)
            {
                throw new TypeConversionException("'" + text + "' ends before it starts");
            }
            return new TimeRange(from, to);
        }

        private static double seconds(final String text, final double open)
        {
            if (text.isBlank())
            {
                return open;
            }
            try
            {
                final double value = Double.parseDouble(text.strip());
                if (value >= 0 && Double.isFinite(value))
                {
                    return value;
                }
            }
            catch (final NumberFormatException e)
            {
                // reported below
            }
            throw new TypeConversionException("'" + text + "' is not a number of seconds >= 0");
        }
    }
}
