package dev.spindle.engine;

import dev.spindle.engine.tune.Decision;

/**
 * Sees every scheduling event of one engine, for a journal or an audit. Calls come from the thread
 * that made the event: the cutter (submitted, cut), the workers (started, finished, most outcomes),
 * the watchdog and submitting threads (outcomes), the tuner thread (intervals, decisions), and the
 * threads calling {@code start} and {@code close}. Item and batch views are valid only during the
 * call. An implementation must hand records off without blocking on I/O and without allocating:
 * per-item calls sit on the engine's hot path.
 */
public interface JournalTap
{
    JournalTap NONE = new JournalTap()
    {
    };

    default void runStarted(final RunInfo run)
    {
    }

    /**
     * The cutter took {@code item} off the ring. {@code complexity} is NaN and {@code priority} and
     * {@code lane} are -1 when the item never got that far (scoring threw, or the engine was shutting
     * down); its outcome follows.
     */
    default void itemSubmitted(final Item item, final long submitNanos, final double complexity, final int priority, final int lane)
    {
    }

    /** An item refused before it reached the ring (backpressure, closed engine): submitted and rejected at once. */
    default void itemRefused(final Item item, final long nanos, final String reason)
    {
    }

    default void batchCut(final Batch batch, final long nanos)
    {
    }

    /** {@code cpu} is the worker's pinned CPU, or -1. */
    default void batchStarted(final long batchId, final int worker, final int cpu, final long nanos)
    {
    }

    /**
     * {@code bisected}: the processor threw and the batch was split to find the failing items.
     * {@code allSucceeded}: every item of the batch SUCCEEDED, and no {@link #itemOutcome} call follows
     * for them — this call stands for their outcomes, so a journal pays one record per batch, not per item.
     */
    default void batchFinished(final long batchId, final int worker, final long startNanos, final long endNanos, final boolean bisected,
        final boolean allSucceeded)
    {
    }

    /** The item's one terminal outcome; {@code reason} is null for a success. Not called for the items of an all-succeeded batch. */
    default void itemOutcome(final Item item, final Outcome outcome, final String reason)
    {
    }

    default void interval(final IntervalSnapshot interval)
    {
    }

    default void decision(final Decision decision)
    {
    }

    /** After every outcome was delivered and the engine's threads stopped. */
    default void runEnded(final long nanos, final PerformanceReport report)
    {
    }
}
