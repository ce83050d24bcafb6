package dev.spindle.engine;

import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.tune.Decision;

/**
 * Sees every scheduling event of one engine, for a journal or an audit. Calls come from the thread
 * that made the event: publishing threads (submitted, refused, outcomes of items whose scoring
 * threw), whoever cuts (cut, outcomes of items timed out or rejected before they ran), the workers
 * (started, finished, outcomes), the watchdog (outcomes), the housekeeping thread (intervals,
 * decisions), and the threads calling {@code start} and {@code close}. Item and batch views are
 * valid only during the call. An implementation must hand records off without blocking on I/O and
 * without allocating: per-item calls sit on the engine's hot path.
 *
 * @param <T> the engine's item type
 */
public interface JournalTap<T>
{
    /** A tap that hears nothing: the engine then makes no per-item call at all. */
    @SuppressWarnings("unchecked")
    static <T> JournalTap<T> none()
    {
        return (JournalTap<T>)NoTap.INSTANCE;
    }

    /** The one {@link #none()} instance, so the engine can tell it apart. */
    final class NoTap implements JournalTap<Object>
    {
        static final NoTap INSTANCE = new NoTap();

        private NoTap()
        {
        }
    }

    default void runStarted(final RunInfo run)
    {
    }

    /**
     * {@code item} was scored and is about to be published. {@code complexity} is NaN and
     * {@code priority} and {@code lane} are -1 when scoring threw; its outcome follows.
     */
    default void itemSubmitted(final T item, final long submitNanos, final double complexity, final int priority, final int lane)
    {
    }

    /**
     * An item refused before it reached the ring (backpressure, closed engine): submitted and rejected
     * at once. The item is the publishing thread's scratch copy, translated only for this call.
     */
    default void itemRefused(final T item, final long nanos, final String reason)
    {
    }

    default void batchCut(final Batch<? extends T> batch, final long nanos)
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
    default void itemOutcome(final T item, final Outcome outcome, final String reason)
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
