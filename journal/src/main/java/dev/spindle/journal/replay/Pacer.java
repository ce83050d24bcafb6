package dev.spindle.journal.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until an absolute {@link System#nanoTime()} instant: parks while the instant is far, spins
 * the last {@link #SPIN_NANOS}. Sends land within a few microseconds when a core is free; on a busy
 * machine a park may overshoot, which only delays the send and never shifts later intended times.
 */
final class Pacer
{
    static final long SPIN_NANOS = 50_000;

    private Pacer()
    {
    }

    static void awaitUntil(final long deadlineNanos)
    {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0)
        {
            if (remaining > SPIN_NANOS)
            {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }
}
