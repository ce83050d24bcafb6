package dev.spindle.tools;

import java.util.Locale;

/**
 * The words of the progress line, from counts and elapsed time alone (no clock, no terminal), so they are
 * tested exactly. The rate is the run's average: steadier than a recent window, at the price of an ETA that
 * adapts slowly when the files change size mid-run.
 */
final class ProgressText
{
    static final int MIN_BAR = 10;
    static final int MAX_BAR = 40;

    private ProgressText()
    {
    }

    /** While walking: the total is not known yet, so counts and rate only. */
    static String walking(final long seen, final long done, final long notOk, final double seconds, final int width)
    {
        return fit(String.format(Locale.ROOT, "%,d seen  %,d done  %,d not ok  %,.0f files/s", seen, done, notOk, rate(done, seconds)), width);
    }

    /** Once the walk has finished: {@code [=====>    ]  42%  6,307/15,012  902 files/s  ETA 0:09  2 not ok}. */
    static String bar(final long total, final long done, final long notOk, final double seconds, final int width)
    {
        final long shown = Math.min(done, total);
        final int percent = total == 0 ? 100 : (int) (shown * 100 / total);
        final double rate = rate(done, seconds);
        final String counts = String.format(Locale.ROOT, " %3d%%  %,d/%,d  %,.0f files/s  ETA %s%s", percent, shown, total, rate,
            shown >= total ? "0:00" : eta(rate == 0 ? Double.NaN : (total - shown) / rate),
            notOk == 0 ? "" : String.format(Locale.ROOT, "  %,d not ok", notOk));
        final int cells = Math.min(MAX_BAR, width - 1 - counts.length() - 2);
        if (cells < MIN_BAR)
        {
            return fit(counts.substring(1), width);
        }
        final int filled = total == 0 ? cells : (int) (shown * cells / total);
        final StringBuilder line = new StringBuilder(width).append('[');
        for (int i = 0; i < cells; i++)
        {
            line.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return line.append(']').append(counts).toString();
    }

    /** {@code m:ss} under an hour, {@code h:mm:ss} after, {@code --:--} while nothing has finished to measure by. */
    static String eta(final double seconds)
    {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0 || seconds > 99 * 3600)
        {
            return "--:--";
        }
        final long whole = (long) Math.ceil(seconds);
        final long hours = whole / 3600;
        final long minutes = whole / 60 % 60;
        final long secs = whole % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs) : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    private static double rate(final long done, final double seconds)
    {
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** One column short of the width: a line that fills the last column wraps on some terminals, and then {@code \r} no longer erases it. */
    private static String fit(final String text, final int width)
    {
        return text.length() < width ? text : text.substring(0, Math.max(0, width - 1));
    }
}
