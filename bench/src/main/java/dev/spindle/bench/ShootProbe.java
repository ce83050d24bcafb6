package dev.spindle.bench;

import java.util.function.IntConsumer;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every engine's closed run of {@link EngineShootout} measures with the same code: each item's
 * body (burn its cost, add the measured time to the running thread's meter stripe) and each outcome
 * (latency from that item's submit time into an HdrHistogram Recorder, count it). Nothing allocates.
 */
final class ShootProbe
{
    final ShootWorkload workload;
    final SkewedWorkload.Meter meter = new SkewedWorkload.Meter();
    final long[] submitted;
    private final Recorder latency = new Recorder(ShootoutConfig.HIGHEST_NANOS, 3);
    private final IntConsumer work;

    ShootProbe(final ShootWorkload workload)
    {
        this(workload, null);
    }

    /** With real work per item (e.g. a file), timed here, instead of burning the workload's cost. */
    ShootProbe(final ShootWorkload workload, final IntConsumer work)
    {
        this.workload = workload;
        this.submitted = new long[workload.items()];
        this.work = work;
    }

    void body(final int item)
    {
        if (work == null)
        {
            meter.stripe().busy(SkewedWorkload.burn(workload.cost[item]));
            return;
        }
        final long start = System.nanoTime();
        work.accept(item);
        meter.stripe().busy(System.nanoTime() - start);
    }

    void completed(final int item, final long nowNanos)
    {
        latency.recordValue(Math.max(0, Math.min(nowNanos - submitted[item], ShootoutConfig.HIGHEST_NANOS)));
        meter.stripe().completed(nowNanos);
    }

    Histogram latency()
    {
        return latency.getIntervalHistogram();
    }
}
