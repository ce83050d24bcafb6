package dev.spindle.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What every {@link TunerShootout} run shares, closed batch or open loop, Spindle or executor: the
 * engine's thread names, waiting for the last outcome, and checking that every item succeeded.
 */
final class RunSupport
{
    private RunSupport()
    {
    }

    /** Thread names of one engine start with this and a dash; no engine's prefix starts another's. */
    static String threadPrefix(final String engine)
    {
        return "ts[" + engine + "]";
    }

    /** Parks (1 ms at a time, so the waiting costs the workers nothing) until {@code n} outcomes are counted. */
    static void awaitCompleted(final SkewedWorkload.Meter meter, final long n)
    {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (meter.completed() < n)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("only " + meter.completed() + " of " + n + " outcomes after 5 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    static void check(final String engine, final int n, final SkewedWorkload.Meter meter, final long notSucceeded)
    {
        if (meter.completed() != n || meter.burned() != n || notSucceeded != 0)
        {
            throw new IllegalStateException(engine + ": " + meter.completed() + " outcomes, " + meter.burned() + " items burned, "
                + notSucceeded + " not SUCCEEDED, for " + n + " items");
        }
    }
}
