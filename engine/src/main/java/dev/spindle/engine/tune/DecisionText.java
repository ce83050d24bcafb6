package dev.spindle.engine.tune;

import java.util.Locale;

/**
 * The words of a {@link Decision}'s reason: durations, counts, shares and the interval's reading.
 * Fixed formats in {@link Locale#ROOT}, so a reason reads (and compares) the same on every machine.
 */
final class DecisionText
{
    private DecisionText()
    {
    }

    static String duration(final double nanos)
    {
        if (nanos < 1_000)
        {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000)
        {
            return String.format(Locale.ROOT, nanos < 10_000 ? "%.1f µs" : "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000)
        {
            return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.2f ms" : "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String count(final long value)
    {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percentOf(final double share)
    {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    static String change(final double ratio)
    {
        return String.format(Locale.ROOT, "%+.0f %%", (ratio - 1) * 100);
    }

    /** The suffix of a batch step: whether the step capped the wanted factor (damped or not), and whether it hit a bound. */
    static String note(final boolean capped, final boolean damped, final boolean atBound)
    {
        return (capped ? damped ? ", damped step" : ", capped step" : "") + (atBound ? ", at bound" : "");
    }

    /** What the interval measured, as the rules' reasons open: the objective's figures, the workers and the backlog. */
    static String reading(final TunerSettings settings, final IntervalSignals signals, final Knobs knobs)
    {
        final StringBuilder text = new StringBuilder(settings.objective().toString()).append(": ");
        if (settings.objective() == Objective.LATENCY)
        {
            text.append("p99 ").append(duration(signals.p99EndToEndNanos())).append(" (queue wait ")
                .append(duration(signals.p99QueueWaitNanos())).append("), ");
        }
        text.append(String.format(Locale.ROOT, "utilization %.2f at %d worker(s), backlog %s", signals.utilization(),
            knobs.activeWorkers(), count(signals.backlogItems())));
        if (signals.arrivedItems() > signals.completedItems() * (1 + settings.deadBand()))
        {
            text.append(" (arrived ").append(count(signals.arrivedItems())).append(" > completed ").append(count(signals.completedItems()))
                .append(')');
        }
        return text.toString();
    }
}
