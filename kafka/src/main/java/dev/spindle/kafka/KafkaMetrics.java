package dev.spindle.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * A snapshot of the adapter: totals since start, and per owned partition the records in flight
 * (fetched, not yet done) and the commit lag (records fetched beyond the last committed offset), as
 * of the poll thread's last commit round.
 *
 * @param recordsIn records fetched (each counted once, retries not)
 * @param recordsOut results produced to the output topic and acknowledged
 * @param deadLettered dead letters produced and acknowledged
 * @param retries runs repeated after a timeout or transient failure
 * @param skipped records not run again: a previous owner had completed them beyond its commit, or they were fetched
 *                again after the consumer's position moved back
 * @param lateDropped outcomes that came back for a partition no longer owned
 * @param rebalances partition assignments, revocations and losses seen
 * @param commits offset commits sent
 * @param commitFailures offset commits the broker refused
 * @param truncatedMetadata commits whose completed ranges did not all fit the metadata limit
 * @param pauses times a partition was paused for backpressure
 */
public record KafkaMetrics(long recordsIn, long recordsOut, long deadLettered, long retries, long skipped, long lateDropped,
                           long rebalances, long commits, long commitFailures, long truncatedMetadata, long pauses,
                           Map<TopicPartition, Integer> inFlight, Map<TopicPartition, Long> commitLag)
{
    static KafkaMetrics of(final KafkaCounters c, final Map<TopicPartition, Integer> inFlight, final Map<TopicPartition, Long> commitLag)
    {
        return new KafkaMetrics(c.recordsIn.get(), c.recordsOut.get(), c.deadLettered.get(), c.retries.get(), c.skipped.get(),
            c.lateDropped.get(), c.rebalances.get(), c.commits.get(), c.commitFailures.get(), c.truncatedMetadata.get(),
            c.pauses.get(), Map.copyOf(inFlight), Map.copyOf(commitLag));
    }

    /** Per partition as the poll thread sees it now (poll thread only). */
    static KafkaMetrics of(final KafkaCounters c, final Collection<PartitionState> states)
    {
        final Map<TopicPartition, Integer> inFlight = new HashMap<>();
        final Map<TopicPartition, Long> lag = new HashMap<>();
        for (final PartitionState state : states)
        {
            inFlight.put(state.partition, state.tracker.pending());
            final long fetched = state.tracker.fetchedUpTo();
            final long committed = state.committedOffset == OffsetTracker.NONE ? fetched : state.committedOffset;
            lag.put(state.partition, fetched == OffsetTracker.NONE ? 0L : Math.max(0L, fetched - committed));
        }
        return of(c, inFlight, lag);
    }

    public int inFlightTotal()
    {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long commitLagTotal()
    {
        return commitLag.values().stream().mapToLong(Long::longValue).sum();
    }
}
