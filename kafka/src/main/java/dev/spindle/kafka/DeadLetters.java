package dev.spindle.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead letter for a record: its own key and value on the dead-letter topic, with headers (UTF-8
 * text) naming where it came from, why it failed and after how many attempts. The input's own
 * headers are kept, so a re-drive tool sees what the processor saw.
 */
public final class DeadLetters
{
    public static final String ORIGIN_TOPIC = "spindle.origin.topic";
    public static final String ORIGIN_PARTITION = "spindle.origin.partition";
    public static final String ORIGIN_OFFSET = "spindle.origin.offset";
    public static final String REASON = "spindle.reason";
    public static final String ATTEMPTS = "spindle.attempts";

    private DeadLetters()
    {
    }

    static ProducerRecord<byte[], byte[]> of(final String deadLetterTopic, final KafkaRecord record, final String reason)
    {
        final Headers headers = record.headers == null ? new RecordHeaders() : new RecordHeaders(record.headers.toArray());
        headers.add(ORIGIN_TOPIC, utf8(record.topic));
        headers.add(ORIGIN_PARTITION, utf8(Integer.toString(record.partition)));
        headers.add(ORIGIN_OFFSET, utf8(Long.toString(record.offset)));
        headers.add(REASON, utf8(reason == null ? "" : reason));
        headers.add(ATTEMPTS, utf8(Integer.toString(record.attempt)));
        return new ProducerRecord<>(deadLetterTopic, null, null, record.key, record.value, headers);
    }

    /** A header's text, or null when the record does not have it. */
    public static String header(final Headers headers, final String name)
    {
        final var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
