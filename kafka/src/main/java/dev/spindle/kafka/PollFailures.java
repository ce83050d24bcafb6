package dev.spindle.kafka;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

/**
 * A poll that keeps failing (a broker gone, a topic deleted, a refused authorisation) must neither spin
 * the poll thread nor flood the log: each failure waits the retry backoff before the next poll, and the
 * log gets the first failure, then one line per {@link #REPORT_EVERY_SECONDS} s with the count, and one
 * when polls succeed again. Poll-thread only.
 */
final class PollFailures
{
    static final long REPORT_EVERY_SECONDS = 10;
    private static final Logger LOG = System.getLogger(PollFailures.class.getName());

    private final IdleStrategy backoff;
    private final LongSupplier nanoClock;
    private final Consumer<String> log;
    private long failing;
    private long sinceReport;
    private long firstNanos;
    private long reportedNanos;

    PollFailures(final long backoffMillis)
    {
        this(new SleepingMillisIdleStrategy(Math.max(1, backoffMillis)), System::nanoTime, line -> LOG.log(Level.WARNING, line));
    }

    PollFailures(final IdleStrategy backoff, final LongSupplier nanoClock, final Consumer<String> log)
    {
        this.backoff = backoff;
        this.nanoClock = nanoClock;
        this.log = log;
    }

    void failed(final RuntimeException e)
    {
        final long now = nanoClock.getAsLong();
        failing++;
        sinceReport++;
        if (failing == 1)
        {
            firstNanos = now;
            reportedNanos = now;
            sinceReport = 0;
            log.accept("spindle-kafka: poll failed, retrying: " + e);
        }
        else if (now - reportedNanos >= TimeUnit.SECONDS.toNanos(REPORT_EVERY_SECONDS))
        {
            log.accept("spindle-kafka: poll still failing after " + TimeUnit.NANOSECONDS.toSeconds(now - firstNanos) + " s ("
                + sinceReport + " more failures): " + e);
            reportedNanos = now;
            sinceReport = 0;
        }
        backoff.idle();
    }

    void succeeded()
    {
        if (failing > 0)
        {
            log.accept("spindle-kafka: poll works again after " + failing + " failures in "
                + TimeUnit.NANOSECONDS.toSeconds(nanoClock.getAsLong() - firstNanos) + " s");
            failing = 0;
        }
    }

    long failing()
    {
        return failing;
    }
}
