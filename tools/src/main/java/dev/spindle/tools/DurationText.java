package dev.spindle.tools;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ParameterException;

/** Durations as people type them on a command line: 250ns, 500us, 2ms, 1.5s. */
final class DurationText
{
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s)");

    private DurationText()
    {
    }

    static long parseNanos(final String text, final Function<String, ParameterException> usage)
    {
        final Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches())
        {
            throw usage.apply("not a duration: '" + text + "' (use e.g. 500us, 2ms, 1s)");
        }
        final double value = Double.parseDouble(m.group(1));
        final double scale = switch (m.group(2))
        {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        final double nanos = value * scale;
        if (nanos > Long.MAX_VALUE / 2)
        {
            throw usage.apply("duration too long: '" + text + "'");
        }
        return Math.round(nanos);
    }
}
