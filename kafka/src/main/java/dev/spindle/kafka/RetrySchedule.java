package dev.spindle.kafka;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Records waiting out a backoff before they run again (or their dead letter is sent again), earliest
 * first; the delay doubles per attempt from the first backoff up to the longest. Poll thread only.
 */
final class RetrySchedule
{
    private final PriorityQueue<Settlement> waiting = new PriorityQueue<>(Comparator.comparingLong(s -> s.dueNanos));
    private final long firstNanos;
    private final long longestNanos;

    RetrySchedule(final Duration first, final Duration longest)
    {
        this.firstNanos = first.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /** Parks {@code settlement} for the backoff of its record's attempt; the record counts as parked on its partition. */
    void park(final Settlement settlement, final long nowNanos)
    {
        final long doubled = firstNanos << Math.min(settlement.record.attempt - 1, 20);
        settlement.dueNanos = nowNanos + Math.min(longestNanos, doubled < 0 ? Long.MAX_VALUE : doubled);
        settlement.record.owner.parked++;
        waiting.add(settlement);
    }

    /** The next settlement due by {@code nowNanos}, else null; it no longer counts as parked. */
    Settlement due(final long nowNanos)
    {
        final Settlement next = waiting.peek();
        if (next == null || next.dueNanos - nowNanos > 0)
        {
            return null;
        }
        waiting.poll();
        next.record.owner.parked--;
        return next;
    }
}
