package dev.spindle.tools.top;

import dev.spindle.tools.PathText;
import dev.spindle.journal.json.Json;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws frames: on a terminal each one replaces the last (ANSI home + clear, nothing else, so any
 * terminal copes); otherwise, and for {@code --json}, frames are appended so a log or a pipe keeps them all.
 */
final class TopScreen
{
    private static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";
    private static final int BAR = 30;

    private final PrintWriter out;
    private final String journal;
    private final boolean ansi;
    private final boolean json;

    TopScreen(final PrintWriter out, final String journal, final boolean ansi, final boolean json)
    {
        this.out = out;
        this.journal = journal;
        this.ansi = ansi && !json;
        this.json = json;
    }

    void waiting(final String why)
    {
        if (!json)
        {
            out.print(ansi ? HOME_AND_CLEAR : "");
            out.println("spindle top  " + journal + "  " + PathText.escape(why));
            out.flush();
        }
    }

    void show(final TopFrame f)
    {
        if (json)
        {
            out.println(Json.write(f.toJson()));
            out.flush();
            return;
        }
        final StringBuilder text = new StringBuilder(1024).append(ansi ? HOME_AND_CLEAR : "");
        text.append(format("spindle top  %s  run %d  %.1f s  %s%n", journal, f.run(), f.elapsedSeconds(), f.ended() ? "ENDED" : f.crashed() ? "CRASHED (writer gone, no footer)" : "running"));
        text.append(format("items      %,d submitted  %,d settled  %,d in flight%n", f.submitted(), f.settled(), f.submitted() - f.settled()));
        if (f.intervalIndex() < 0)
        {
            text.append("interval   (none closed yet)\n");
        }
        else
        {
            text.append(format("interval   #%d (%.0f ms): %,.1f items/s in, %,.1f items/s out, queue depth %,d, p99 %s%n", f.intervalIndex(),
                f.intervalSeconds() * 1e3, f.arrivedPerSecond(), f.completedPerSecond(), f.queueDepth(), latency(f.endToEndP99Nanos())));
            text.append(format("utilization %5.1f%% (engine)%n", f.utilization() * 100));
            for (int w = 0; w < f.workerUtilization().length; w++)
            {
                final double share = Math.max(0, Math.min(1, f.workerUtilization()[w]));
                final int filled = (int)Math.round(share * BAR);
                text.append(format("  worker %-3d [%s%s] %5.1f%%%n", w, "#".repeat(filled), " ".repeat(BAR - filled), share * 100));
            }
        }
        text.append(format("tuner      %s  budget %,.2f  linger %s  workers %d%s%n", f.tunerState(), f.budget(), latency(f.lingerNanos()),
            f.activeWorkers(), f.tunerReason().isEmpty() ? "" : "  (" + PathText.escape(f.tunerReason()) + ")"));
        text.append(ansi ? "" : "\n");
        out.print(text);
        out.flush();
    }

    void stopped()
    {
        if (!json)
        {
            out.println("spindle top: stopped");
            out.flush();
        }
    }

    private static String latency(final double nanos)
    {
        if (!Double.isFinite(nanos))
        {
            return "-";
        }
        return nanos >= 1e9 ? format("%.2f s", nanos / 1e9) : nanos >= 1e6 ? format("%.2f ms", nanos / 1e6) : format("%.1f µs", nanos / 1e3);
    }

    private static String format(final String pattern, final Object... args)
    {
        return String.format(Locale.ROOT, pattern, args);
    }
}
