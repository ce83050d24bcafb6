package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A single terminal line, rewritten in place with {@code \r} at most four times a second from its own
 * daemon thread: the cost is independent of the file count, and the walker never waits on it.
 */
final class ProgressLine implements AutoCloseable
{
    static final long PERIOD_MILLIS = 250;

    private final PrintWriter err;
    private final LongSupplier seen;
    private final RunTally tally;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private int lastWidth;

    private ProgressLine(final PrintWriter err, final LongSupplier seen, final RunTally tally)
    {
        this.err = err;
        this.seen = seen;
        this.tally = tally;
        this.timer = Executors.newSingleThreadScheduledExecutor(task ->
        {
            final Thread thread = new Thread(task, "spindle-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ProgressLine start(final PrintWriter err, final LongSupplier seen, final RunTally tally)
    {
        final ProgressLine line = new ProgressLine(err, seen, tally);
        line.timer.scheduleWithFixedDelay(line::render, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return line;
    }

    private synchronized void render()
    {
        final long done = tally.completed();
        final double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        final String text = String.format(Locale.ROOT, "%,d seen  %,d done  %,d not ok  %,.0f files/s",
            seen.getAsLong(), done, done - tally.succeeded(), done / seconds);
        final StringBuilder line = new StringBuilder(text.length() + 16).append('\r').append(text);
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
