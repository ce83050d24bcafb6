package dev.spindle.tools.histo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One figure of a latency distribution: the count, the mean, a percentile or the max. */
record Statistic(Kind kind, double percentile)
{
    enum Kind
    {
        COUNT, MEAN, PERCENTILE, MAX
    }

    static final Statistic COUNT = new Statistic(Kind.COUNT, Double.NaN);
    static final Statistic MEAN = new Statistic(Kind.MEAN, Double.NaN);
    static final Statistic MAX = new Statistic(Kind.MAX, Double.NaN);
    static final String DEFAULT_PERCENTILES = "50,90,99,99.9,99.99";

    static Statistic percentile(final double percentile)
    {
        return new Statistic(Kind.PERCENTILE, percentile);
    }

    /** count, mean, the given percentiles, max: a summary's rows or columns. */
    static List<Statistic> summary(final List<Statistic> percentiles)
    {
        final List<Statistic> all = new ArrayList<>();
        all.add(COUNT);
        all.add(MEAN);
        for (final Statistic p : percentiles)
        {
            if (!all.contains(p))
            {
                all.add(p);
            }
        }
        if (!all.contains(MAX))
        {
            all.add(MAX);
        }
        return all;
    }

    /** "count", "mean", "p99.9", "max". */
    String label()
    {
        return switch (kind)
        {
            case COUNT -> "count";
            case MEAN -> "mean";
            case PERCENTILE -> "p" + Numbers.plain(percentile);
            case MAX -> "max";
        };
    }

    boolean isLatency()
    {
        return kind != Kind.COUNT;
    }

    /** The figure in the histogram's recorded units (the count as is). */
    double of(final Histogram histogram)
    {
        return switch (kind)
        {
            case COUNT -> histogram.getTotalCount();
            case MEAN -> histogram.getMean();
            case PERCENTILE -> histogram.getValueAtPercentile(percentile);
            case MAX -> histogram.getMaxValue();
        };
    }

    @Override
    public String toString()
    {
        return label();
    }

    /** Parses p99.9, 99.9, max, mean or count. */
    static final class Converter implements ITypeConverter<Statistic>
    {
        @Override
        public Statistic convert(final String text)
        {
            final String word = text.strip().toLowerCase(Locale.ROOT);
            switch (word)
            {
                case "count":
                    return COUNT;
                case "mean":
                    return MEAN;
                case "max":
                case "p100":
                    return MAX;
                default:
                    break;
            }
            try
            {
                final double value = Double.parseDouble(word.startsWith("p") ? word.substring(1) : word);
                if (value >= 0 && value < 100)
                {
                    return percentile(value);
                }
            }
            catch (final NumberFormatException e)
            {
                // reported below
            }
            throw new TypeConversionException("'" + text + "' is not a percentile (p50, 99.9...), mean, max or count");
        }
    }
}
