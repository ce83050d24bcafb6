package dev.spindle.kafka;

/**
 * What an engine worker or a producer callback tells the poll thread about one record: done (its
 * offset may pass), run it again, or send its dead letter again. A retried record carries a copy of
 * its fields, since the ring slot it came from is reused.
 */
final class Settlement
{
    enum Kind
    {
        DONE,
        RETRY,
        RESEND_DEAD_LETTER
    }

    final Kind kind;
    final KafkaRecord record;
    final String reason;
    long dueNanos;

    private Settlement(final Kind kind, final KafkaRecord record, final String reason)
    {
        this.kind = kind;
        this.record = record;
        this.reason = reason;
    }

    static Settlement done(final PartitionState owner, final long ticket, final long offset)
    {
        final KafkaRecord record = new KafkaRecord();
        record.owner = owner;
        record.ticket = ticket;
        record.offset = offset;
        return new Settlement(Kind.DONE, record, null);
    }

    static Settlement retry(final KafkaRecord from, final String reason)
    {
        return new Settlement(Kind.RETRY, copy(from), reason);
    }

    static Settlement resendDeadLetter(final KafkaRecord from, final String reason)
    {
        return new Settlement(Kind.RESEND_DEAD_LETTER, copy(from), reason);
    }

    private static KafkaRecord copy(final KafkaRecord from)
    {
        final KafkaRecord copy = new KafkaRecord();
        copy.copyFrom(from);
        return copy;
    }
}
