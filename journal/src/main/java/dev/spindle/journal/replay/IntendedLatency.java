package dev.spindle.journal.replay;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records each processed item's latency from its intended send time to its outcome, so time an item
 * spent waiting to be sent (a blocked producer, a late wake-up) counts: no coordinated omission.
 * Thread-safe and allocation-free per item (an HdrHistogram {@link Recorder}); rejected and timed-out
 * items are not latencies and are left out, as the engine's own end-to-end histogram leaves them out.
 */
final class IntendedLatency implements OutcomeListener<ReplayItem>
{
    static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST_NANOS, 2);

    @Override
    public void onOutcome(final ReplayItem item, final Outcome outcome, final Object result, final String reason)
    {
        final ReplaySlot slot = item.slot();
        if ((outcome == Outcome.SUCCEEDED || outcome == Outcome.FAILED) && slot != null)
        {
            final long now = System.nanoTime();
            recorder.recordValue(Math.min(HIGHEST_NANOS, Math.max(1, now - slot.intendedNanos)));
        }
    }

    /** Everything recorded so far; call once, after the engine closed. */
    Histogram histogram()
    {
        return recorder.getIntervalHistogram();
    }
}
