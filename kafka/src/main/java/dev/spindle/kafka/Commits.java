package dev.spindle.kafka;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns partitions' trackers into offset commits: the watermark as the offset, the completed ranges
 * beyond it as the metadata, and only for partitions whose pair changed since their last commit.
 * Periodic commits are asynchronous; a revoke's and the close's are synchronous. Poll thread only.
 */
final class Commits
{
    private static final Logger LOG = System.getLogger(Commits.class.getName());

    private final CommitMetadata codec;
    private final CompletedRanges ranges = new CompletedRanges(64);
    private final KafkaCounters counters;
    private final Duration syncTimeout;

    Commits(final int metadataMaxChars, final KafkaCounters counters, final Duration syncTimeout)
    {
        this.codec = new CommitMetadata(metadataMaxChars);
        this.counters = counters;
        this.syncTimeout = syncTimeout;
    }

    /** The commits {@code states} need; each state then takes them as committed (a failed commit resets that). */
    Map<TopicPartition, OffsetAndMetadata> due(final Collection<PartitionState> states)
    {
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (final PartitionState state : states)
        {
            final long watermark = state.tracker.watermark();
            if (watermark == OffsetTracker.NONE)
            {
                continue;
            }
            state.tracker.completedBeyondWatermark(ranges);
            final String metadata = codec.encode(watermark, ranges);
            if (codec.lastTruncated())
            {
                counters.truncatedMetadata.incrementAndGet();
            }
            if (watermark == state.committedOffset && metadata.equals(state.committedMetadata))
            {
                continue;
            }
            offsets.put(state.partition, new OffsetAndMetadata(watermark, metadata));
            state.committedOffset = watermark;
            state.committedMetadata = metadata;
        }
        return offsets;
    }

    void commitAsync(final Consumer<byte[], byte[]> consumer, final Collection<PartitionState> states)
    {
        final Map<TopicPartition, OffsetAndMetadata> offsets = due(states);
        if (offsets.isEmpty())
        {
            return;
        }
        counters.commits.incrementAndGet();
        consumer.commitAsync(offsets, (committed, error) ->
        {
            if (error != null)
            {
                counters.commitFailures.incrementAndGet();
                for (final PartitionState state : states)
                {
                    if (offsets.containsKey(state.partition))
                    {
                        state.committedOffset = OffsetTracker.NONE; // sent again next round
                    }
                }
            }
        });
    }

    /** Commits and waits; a refusal (the group moved on) is counted and logged, never thrown. */
    void commitSync(final Consumer<byte[], byte[]> consumer, final Collection<PartitionState> states)
    {
        final Map<TopicPartition, OffsetAndMetadata> offsets = due(states);
        if (offsets.isEmpty())
        {
            return;
        }
        counters.commits.incrementAndGet();
        try
        {
            consumer.commitSync(offsets, syncTimeout);
        }
        catch (final KafkaException e)
        {
            counters.commitFailures.incrementAndGet();
            LOG.log(Level.WARNING, "commit of " + offsets.keySet() + " refused: " + e);
        }
    }
}
