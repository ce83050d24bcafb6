package dev.spindle.kafka;

import java.util.Queue;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;

/**
 * The engine's outcome listener: a success is produced to the output topic with the input's key, a
 * failure to the dead-letter topic; each counts as done only in the send's acknowledgement, which
 * hands the poll thread a {@link Settlement}. Timeouts and transient failures go back to the poll
 * thread for a retry. Refusals are the poll thread's own (it published with TRY) and are ignored here.
 */
final class OutcomeRouter implements OutcomeListener<KafkaRecord>
{
    private final Producer<byte[], byte[]> producer;
    private final String outputTopic;
    private final String deadLetterTopic;
    private final Queue<Settlement> settlements;
    private final KafkaCounters counters;

    OutcomeRouter(final Producer<byte[], byte[]> producer, final String outputTopic, final String deadLetterTopic,
                  final Queue<Settlement> settlements, final KafkaCounters counters)
    {
        this.producer = producer;
        this.outputTopic = outputTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.settlements = settlements;
        this.counters = counters;
    }

    @Override
    public void onOutcome(final KafkaRecord record, final Outcome outcome, final Object result, final String reason)
    {
        if (outcome == Outcome.REJECTED)
        {
            return;
        }
        if (record.owner.isRevoked())
        {
            counters.lateDropped.incrementAndGet();
            return;
        }
        switch (outcome)
        {
            case SUCCEEDED ->
            {
                if (result == null || result instanceof byte[])
                {
                    produce(record, (byte[])result);
                }
                else
                {
                    deadLetter(record, "processor result is a " + result.getClass().getName() + ", not byte[]");
                }
            }
            case FAILED ->
            {
                if (TransientFailure.isTransient(reason))
                {
                    settlements.add(Settlement.retry(record, reason));
                }
                else
                {
                    deadLetter(record, reason);
                }
            }
            default -> settlements.add(Settlement.retry(record, reason == null ? "timed out" : reason));
        }
    }

    private void produce(final KafkaRecord record, final byte[] value)
    {
        final PartitionState owner = record.owner;
        final long ticket = record.ticket;
        final long offset = record.offset;
        final Settlement ifFailed = Settlement.retry(record, "output send failed");
        try
        {
            producer.send(new ProducerRecord<>(outputTopic, null, null, record.key, value, null), (metadata, error) ->
            {
                if (error == null)
                {
                    counters.recordsOut.incrementAndGet();
                    settlements.add(Settlement.done(owner, ticket, offset));
                }
                else
                {
                    settlements.add(ifFailed);
                }
            });
        }
        catch (final RuntimeException refused)
        {
            settlements.add(ifFailed);
        }
    }

    /** Sends {@code record}'s dead letter; also used by the poll thread once retries are spent. */
    void deadLetter(final KafkaRecord record, final String reason)
    {
        final PartitionState owner = record.owner;
        final long ticket = record.ticket;
        final long offset = record.offset;
        final Settlement ifFailed = Settlement.resendDeadLetter(record, reason);
        try
        {
            producer.send(DeadLetters.of(deadLetterTopic, record, reason), (metadata, error) ->
            {
                if (error == null)
                {
                    counters.deadLettered.incrementAndGet();
                    settlements.add(Settlement.done(owner, ticket, offset));
                }
                else
                {
                    settlements.add(ifFailed);
                }
            });
        }
        catch (final RuntimeException refused)
        {
            settlements.add(ifFailed);
        }
    }
}
