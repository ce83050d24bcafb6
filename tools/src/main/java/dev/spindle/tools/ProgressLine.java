package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A single terminal line, rewritten in place with {@code \r} at most four times a second from its own
 * daemon thread: the cost is independent of the file count, and the walker never waits on it. Counts while
 * walking, a bar with percentage and ETA once {@link #walkFinished} gives the total ({@link ProgressText}).
 */
final class ProgressLine implements AutoCloseable
{
    static final long PERIOD_MILLIS = 250;
    private static final long UNKNOWN = -1;

    private final PrintWriter err;
    private final LongSupplier seen;
    private final RunTally tally;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final int width;
    private final ScheduledExecutorService timer;
    private volatile long total = UNKNOWN;
    private int lastWidth;

    ProgressLine(final PrintWriter err, final LongSupplier seen, final RunTally tally, final LongSupplier nanoClock, final int width)
    {
        this.err = err;
        this.seen = seen;
        this.tally = tally;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.width = width;
        this.timer = Executors.newSingleThreadScheduledExecutor(task ->
        {
            final Thread thread = new Thread(task, "spindle-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ProgressLine start(final PrintWriter err, final LongSupplier seen, final RunTally tally)
    {
        final ProgressLine line = new ProgressLine(err, seen, tally, System::nanoTime, Terminal.width());
        line.timer.scheduleWithFixedDelay(line::render, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return line;
    }

    /** The walk has ended: every file it will submit is counted, so the line becomes a bar. */
    void walkFinished(final long files)
    {
        total = files;
    }

    synchronized void render()
    {
        final long done = tally.completed();
        final long notOk = tally.failed() + tally.rejected() + tally.timedOut(); // a skipped link is not a failure
        final double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
        final long known = total;
        final String text = known == UNKNOWN
            ? ProgressText.walking(seen.getAsLong(), done, notOk, seconds, width)
            : ProgressText.bar(known, done, notOk, seconds, width);
        final StringBuilder line = new StringBuilder(Math.max(text.length(), lastWidth) + 1).append('\r').append(text);
        for (int pad = text.length(); pad < lastWidth; pad++)
        {
            line.append(' ');
        }
        lastWidth = text.length();
        err.print(line);
        err.flush();
    }

    /** Stops the timer, draws the final counts and ends the line so the summary starts clean. */
    @Override
    public void close()
    {
        timer.shutdownNow();
        try
        {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        render();
        err.println();
        err.flush();
    }
}
