package dev.spindle.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer's rebalance callbacks, run inside {@code poll} on the poll thread. Assigned: a fresh
 * state per partition, with the previous owner's completed ranges from the commit metadata. Revoked:
 * drain, commit, then drop whatever comes back late. Lost: drop without committing, since the group
 * has already given the partition to someone else.
 */
final class Rebalancing implements ConsumerRebalanceListener
{
    private final PollAgent agent;

    Rebalancing(final PollAgent agent)
    {
        this.agent = agent;
    }

    @Override
    public void onPartitionsAssigned(final Collection<TopicPartition> partitions)
    {
        agent.counters().rebalances.incrementAndGet();
        if (partitions.isEmpty())
        {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try
        {
            committed = agent.consumer().committed(new HashSet<>(partitions), agent.drainTimeout());
        }
        catch (final KafkaException e)
        {
            committed = Map.of(); // no skip ranges: the records a previous owner finished beyond its commit run again
        }
        for (final TopicPartition partition : partitions)
        {
            final PartitionState state = agent.newState(partition);
            final OffsetAndMetadata previous = committed.get(partition);
            if (previous != null)
            {
                CommitMetadata.decode(previous.offset(), previous.metadata(), state.completedByPrevious);
                state.committedOffset = previous.offset();
                state.committedMetadata = previous.metadata();
            }
            agent.states().put(partition, state);
        }
    }

    @Override
    public void onPartitionsRevoked(final Collection<TopicPartition> partitions)
    {
        agent.counters().rebalances.incrementAndGet();
        final List<PartitionState> leaving = new ArrayList<>();
        for (final TopicPartition partition : partitions)
        {
            final PartitionState state = agent.states().get(partition);
            if (state != null)
            {
                leaving.add(state);
            }
        }
        if (leaving.isEmpty())
        {
            return;
        }
        agent.drain(leaving);
        agent.commits().commitSync(agent.consumer(), leaving);
        for (final PartitionState state : leaving)
        {
            state.revoke();
            agent.states().remove(state.partition);
        }
    }

    @Override
    public void onPartitionsLost(final Collection<TopicPartition> partitions)
    {
        agent.counters().rebalances.incrementAndGet();
        for (final TopicPartition partition : partitions)
        {
            final PartitionState state = agent.states().remove(partition);
            if (state != null)
            {
                state.revoke();
            }
        }
    }
}
