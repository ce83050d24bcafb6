package dev.spindle.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * One owned partition, from its assignment to its revocation: a fresh object per assignment, so an
 * outcome that comes back for an earlier ownership finds its state revoked and is dropped. Only
 * {@link #revoked} is read off the poll thread.
 */
final class PartitionState
{
    final TopicPartition partition;
    final OffsetTracker tracker;
    /** Offsets a previous owner completed beyond its commit (from the commit metadata): skipped. */
    final CompletedRanges completedByPrevious = new CompletedRanges();
    private volatile boolean revoked;
    /** Records of this partition waiting on the poll thread (retry backoff or a full ring), not in the engine. */
    int parked;
    boolean paused;
    long committedOffset = OffsetTracker.NONE;
    String committedMetadata = "";

    PartitionState(final TopicPartition partition, final int capacity)
    {
        this.partition = partition;
        this.tracker = new OffsetTracker(capacity);
    }

    boolean isRevoked()
    {
        return revoked;
    }

    void revoke()
    {
        revoked = true;
    }

    /** Records in the engine or awaiting a send's ack: what a revoke waits for. */
    int inEngineOrSending()
    {
        return tracker.pending() - parked;
    }
}
