package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.Locale;

import dev.spindle.kafka.KafkaMetrics;

/**
 * The progress line of {@code spindle kafka} on a terminal: records in and out, dead letters, in flight,
 * commit lag, rebalances and the rate, redrawn in place; nothing at all when stderr is not a terminal.
 */
final class KafkaProgress
{
    static final long PERIOD_MILLIS = 250;

    private final PrintWriter err;
    private final boolean drawn;
    private final long startedNanos;
    private int lastLength;

    KafkaProgress(final PrintWriter err, final boolean drawn, final long startedNanos)
    {
        this.err = err;
        this.drawn = drawn;
        this.startedNanos = startedNanos;
    }

    boolean drawn()
    {
        return drawn;
    }

    void show(final KafkaMetrics m)
    {
        if (!drawn)
        {
            return;
        }
        final double seconds = (System.nanoTime() - startedNanos) / 1e9;
        final String line = String.format(Locale.ROOT, "in %,d  out %,d  dlt %,d  in flight %,d  lag %,d  rebalances %,d  %,.0f/s",
            m.recordsIn(), m.recordsOut(), m.deadLettered(), m.inFlightTotal(), m.commitLagTotal(), m.rebalances(),
            (m.recordsOut() + m.deadLettered()) / Math.max(seconds, 1e-9));
        final String fitted = line.length() > Terminal.width() - 1 ? line.substring(0, Terminal.width() - 1) : line;
        err.print("\r" + fitted + " ".repeat(Math.max(0, lastLength - fitted.length())));
        err.flush();
        lastLength = fitted.length();
    }

    void clear()
    {
        if (drawn && lastLength > 0)
        {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }
}
