package dev.spindle.engine.metrics;

import dev.spindle.engine.CloseReason;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Everything one worker position records, written only by the thread that fills the position (a
 * replacement thread takes over after the previous one let go): per-batch counters, outcome counts,
 * latency histograms and the cost model's observations. The counters sit a cache line in from both
 * ends of their array, so no other thread's writes share their line.
 */
public final class WorkerMeters
{
    static final int PAD = 8;
    private static final int BUSY_NANOS = PAD;
    private static final int BATCHES = PAD + 1;
    private static final int ITEMS = PAD + 2;
    private static final int COMPLEXITY_BITS = PAD + 3;
    private static final int FILL_BITS = PAD + 4;
    private static final int CLOSE_REASONS = PAD + 5;
    private static final int SIZE = CLOSE_REASONS + CloseReason.values().length + PAD;

    private final AtomicLongArray stats = new AtomicLongArray(SIZE);
    public final OutcomeCounter outcomes = new OutcomeCounter.SingleWriter();
    public final LatencyRecorders latency;
    public final BatchObservations observations;

    public WorkerMeters(final int features)
    {
        this.latency = new LatencyRecorders();
        this.observations = new BatchObservations(4096, features);
    }

    /** A batch has started: its close reason is counted once, whatever becomes of it. */
    public void started(final CloseReason reason)
    {
        final int i = CLOSE_REASONS + reason.ordinal();
        stats.lazySet(i, stats.get(i) + 1);
    }

    /** A batch ran to completion. */
    public void finished(final long busyNanos, final int items, final double complexity, final double fill)
    {
        stats.lazySet(BUSY_NANOS, stats.get(BUSY_NANOS) + busyNanos);
        stats.lazySet(BATCHES, stats.get(BATCHES) + 1);
        stats.lazySet(ITEMS, stats.get(ITEMS) + items);
        addDouble(COMPLEXITY_BITS, complexity);
        addDouble(FILL_BITS, fill);
    }

    private void addDouble(final int i, final double value)
    {
        stats.lazySet(i, Double.doubleToRawLongBits(Double.longBitsToDouble(stats.get(i)) + value));
    }

    public long busyNanos()
    {
        return stats.get(BUSY_NANOS);
    }

    public long batches()
    {
        return stats.get(BATCHES);
    }

    public long items()
    {
        return stats.get(ITEMS);
    }

    public double complexitySum()
    {
        return Double.longBitsToDouble(stats.get(COMPLEXITY_BITS));
    }

    /** Σ complexity ÷ budget at cut, over every finished batch. */
    public double fillSum()
    {
        return Double.longBitsToDouble(stats.get(FILL_BITS));
    }

    public long closeReasonCount(final CloseReason reason)
    {
        return stats.get(CLOSE_REASONS + reason.ordinal());
    }
}
