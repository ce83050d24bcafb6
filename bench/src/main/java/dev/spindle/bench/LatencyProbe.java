package dev.spindle.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Publish-to-outcome latency of one paced run, recorded without allocation on the completing
 * thread. Item {@code id} was meant to be sent at {@code start + id / rate} (the open-loop schedule),
 * so latency measured from that intended time includes any time the item spent waiting to be sent
 * (coordinated omission corrected); latency from the actual submit time is kept beside it.
 */
final class LatencyProbe
{
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final long startNanos;
    private final long ratePerSecond;
    private final int firstRecorded;
    private final long[] submitNanos;
    private final Recorder corrected = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
    private final Recorder uncorrected = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
    private final Histogram sendLag = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private final CompletionCounter done = new CompletionCounter();

    /**
     * @param items         items in the run, warm-up included
     * @param warmupItems   the first items, whose latencies are not recorded
     */
    LatencyProbe(final long startNanos, final long ratePerSecond, final int items, final int warmupItems)
    {
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.firstRecorded = warmupItems;
        this.submitNanos = new long[items];
    }

    long intendedNanos(final int id)
    {
        return startNanos + id * 1_000_000_000L / ratePerSecond;
    }

    /** Producer thread, just before handing item {@code id} to the engine. */
    void sending(final int id, final long nowNanos)
    {
        submitNanos[id] = nowNanos;
        if (id >= firstRecorded)
        {
            sendLag.recordValue(Math.min(nowNanos - intendedNanos(id), HIGHEST_TRACKABLE_NANOS));
        }
    }

    /** Engine thread, once item {@code id} has its outcome. */
    void completed(final long id)
    {
        final long now = System.nanoTime();
        final int index = (int)id;
        if (index >= firstRecorded)
        {
            corrected.recordValue(Math.min(now - intendedNanos(index), HIGHEST_TRACKABLE_NANOS));
            uncorrected.recordValue(Math.min(now - submitNanos[index], HIGHEST_TRACKABLE_NANOS));
        }
        done.complete();
    }

    void awaitCompleted(final long items)
    {
        done.awaitAtLeast(items);
    }

    Histogram corrected()
    {
        return corrected.getIntervalHistogram();
    }

    Histogram uncorrected()
    {
        return uncorrected.getIntervalHistogram();
    }

    /** How late the producer sent items against the schedule (read after the run). */
    Histogram sendLag()
    {
        return sendLag;
    }
}
