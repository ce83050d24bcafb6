package dev.spindle.tools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.journal.json.Json;
import dev.spindle.kafka.KafkaRecord;

/**
 * {@code spindle kafka --processor hash}: each record's output value is {@code {"size":N,"sha256":"hex"}}
 * (UTF-8 JSON) over its value's bytes; a record without a value has size 0 and the empty input's hash.
 */
final class KafkaHashProcessor implements BatchProcessor<KafkaRecord>
{
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(KafkaHashProcessor::sha256);

    @Override
    public void process(final Batch<KafkaRecord> batch)
    {
        final MessageDigest digest = DIGEST.get();
        for (int i = 0; i < batch.size(); i++)
        {
            final byte[] value = batch.item(i).value();
            final byte[] bytes = value == null ? new byte[0] : value;
            final String hash = HexFormat.of().formatHex(digest.digest(bytes));
            batch.succeed(i, Json.write(json ->
            {
                json.writeStartObject();
                json.writeNumberProperty("size", bytes.length);
                json.writeStringProperty("sha256", hash);
                json.writeEndObject();
            }).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
