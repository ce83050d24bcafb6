package dev.spindle.engine;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;

/**
 * The engine's once-per-interval duty cycle, on its own thread: closes the metrics interval, lets
 * the adaptive tuning (when configured) learn from it and move the cutter's knobs, then hands the
 * interval to the listener. Everything here runs at interval rate, never per item.
 */
final class TunerAgent implements Agent
{
    private static final System.Logger LOG = System.getLogger(TunerAgent.class.getName());

    private final EngineMetrics metrics;
    private final IntervalListener listener;
    private final JournalTap tap;
    private final AdaptiveTuning tuning;
    private final long intervalNanos;
    private final AtomicLong listenerErrors = new AtomicLong();
    private long nextClose;

    TunerAgent(final EngineMetrics metrics, final IntervalListener listener, final JournalTap tap, final AdaptiveTuning tuning,
        final long intervalNanos)
    {
        this.metrics = metrics;
        this.listener = listener;
        this.tap = tap;
        this.tuning = tuning;
        this.intervalNanos = intervalNanos;
    }

    void started(final long nanos)
    {
        nextClose = nanos + intervalNanos;
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (now - nextClose < 0)
        {
            return 0;
        }
        closeInterval(now);
        nextClose = Math.max(nextClose + intervalNanos, now + intervalNanos / 2);
        return 1;
    }

    /** The last, partial interval: called once the agent's thread has stopped. */
    void closeFinalInterval()
    {
        closeInterval(System.nanoTime());
    }

    private void closeInterval(final long now)
    {
        final IntervalSnapshot snapshot = metrics.closeInterval(now);
        if (tuning != null)
        {
            tuning.onInterval(snapshot);
        }
        tap.interval(snapshot);
        try
        {
            listener.onInterval(snapshot);
        }
        catch (final RuntimeException e)
        {
            if (listenerErrors.getAndIncrement() == 0)
            {
                LOG.log(Level.WARNING, "interval listener threw (further errors are only counted)", e);
            }
        }
    }

    @Override
    public String roleName()
    {
        return "spindle-tuner";
    }
}
