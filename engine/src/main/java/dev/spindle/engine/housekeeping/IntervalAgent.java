package dev.spindle.engine.housekeeping;

import dev.spindle.engine.JournalTap;
import dev.spindle.engine.metrics.EngineMetrics;
import dev.spindle.engine.metrics.IntervalListener;
import dev.spindle.engine.metrics.IntervalSnapshot;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;

/**
 * The engine's once-per-interval duty, on the housekeeping thread: closes the metrics interval, lets
 * the adaptive tuning learn from it and move the cutting knobs, then hands the interval to the
 * journal and the listener. Everything here runs at interval rate, never per item.
 */
public final class IntervalAgent implements Agent
{
    private static final System.Logger LOG = System.getLogger(IntervalAgent.class.getName());

    private final EngineMetrics metrics;
    private final IntervalListener listener;
    private final JournalTap<?> tap;
    private final AdaptiveTuning tuning;
    private final long intervalNanos;
    private final AtomicLong listenerErrors = new AtomicLong();
    private long nextClose;

    public IntervalAgent(final EngineMetrics metrics, final IntervalListener listener, final JournalTap<?> tap, final AdaptiveTuning tuning,
        final long intervalNanos)
    {
        this.metrics = metrics;
        this.listener = listener;
        this.tap = tap;
        this.tuning = tuning;
        this.intervalNanos = intervalNanos;
    }

    public void started(final long nanos)
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
    public void closeFinalInterval()
    {
        closeInterval(System.nanoTime());
    }

    private void closeInterval(final long now)
    {
        final IntervalSnapshot snapshot = metrics.closeInterval(now);
        tuning.onInterval(snapshot);
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
        return "spindle-intervals";
    }
}
