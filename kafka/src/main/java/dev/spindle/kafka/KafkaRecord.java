package dev.spindle.kafka;

import org.apache.kafka.common.header.Headers;

/**
 * The engine's item: one input record, filled in place in a ring slot from the consumed record (its
 * key, value and headers are the client's arrays, not copies). A processor reads {@link #value()} and
 * settles it with a {@code byte[]} result, the output record's value.
 */
public final class KafkaRecord
{
    String topic;
    int partition;
    long offset;
    long timestamp;
    byte[] key;
    byte[] value;
    Headers headers;
    int attempt;
    long id;
    String journalKey;
    PartitionState owner;
    long ticket;

    public String topic()
    {
        return topic;
    }

    public int partition()
    {
        return partition;
    }

    public long offset()
    {
        return offset;
    }

    /** The record's own timestamp (epoch ms). */
    public long timestamp()
    {
        return timestamp;
    }

    public byte[] key()
    {
        return key;
    }

    public byte[] value()
    {
        return value;
    }

    public Headers headers()
    {
        return headers;
    }

    /** 1 on the first run, then one more per retry. */
    public int attempt()
    {
        return attempt;
    }

    /** This submission's id, unique within the member's run (a retry is a new submission). */
    public long id()
    {
        return id;
    }

    /** "topic-partition@offset" when the member journals, else null (made on the poll thread, once per record). */
    public String journalKey()
    {
        return journalKey;
    }

    void copyFrom(final KafkaRecord other)
    {
        topic = other.topic;
        partition = other.partition;
        offset = other.offset;
        timestamp = other.timestamp;
        key = other.key;
        value = other.value;
        headers = other.headers;
        attempt = other.attempt;
        id = other.id;
        journalKey = other.journalKey;
        owner = other.owner;
        ticket = other.ticket;
    }

    @Override
    public String toString()
    {
        return topic + "-" + partition + "@" + offset + (attempt > 1 ? " attempt " + attempt : "");
    }
}
