package dev.spindle.kafka;

import java.util.Collection;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/** The consumer's rebalance callbacks (run inside {@code poll} on the poll thread), handed to the poll agent. */
final class Rebalancing implements ConsumerRebalanceListener
{
    private final PollAgent agent;

    Rebalancing(final PollAgent agent)
    {
        this.agent = agent;
    }

    @Override
    public void onPartitionsRevoked(final Collection<TopicPartition> partitions)
    {
        agent.revoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(final Collection<TopicPartition> partitions)
    {
        agent.assigned(partitions);
    }

    @Override
    public void onPartitionsLost(final Collection<TopicPartition> partitions)
    {
        agent.lost(partitions);
    }
}
