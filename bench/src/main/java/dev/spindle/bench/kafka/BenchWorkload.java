package dev.spindle.bench.kafka;

import java.nio.ByteBuffer;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.kafka.KafkaRecord;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.TextEmbedder;

/**
 * The two record workloads of {@link KafkaBench}, the same code for every consumer: "cpu" spins ~N µs
 * per record; "ml" embeds the value as a document (per record for the baselines, a batch at a time
 * for Spindle, which is the point of batching). The output value is the input's timestamp (8 bytes)
 * and 4 bytes of the result, so latency is measured the same way for all.
 */
final class BenchWorkload
{
    private static final Projection PROJECTION = Projection.create(EmbeddingConfig.DEFAULT.withTextCap(4096));
    private static final ThreadLocal<TextEmbedder> EMBEDDERS = ThreadLocal.withInitial(() -> new TextEmbedder(PROJECTION, null));
    private static final ThreadLocal<byte[][]> ONE = ThreadLocal.withInitial(() -> new byte[1][]);

    final String name;
    private final long spinNanos;

    BenchWorkload(final String name, final long spinMicros)
    {
        this.name = name;
        this.spinNanos = spinMicros * 1_000;
    }

    boolean ml()
    {
        return "ml".equals(name);
    }

    /** One record's output value. */
    byte[] apply(final long timestamp, final byte[] value)
    {
        final int result;
        if (ml())
        {
            final byte[][] one = ONE.get();
            one[0] = value;
            result = Float.floatToIntBits(EMBEDDERS.get().embed(one, 1)[0][0]);
        }
        else
        {
            result = spin(value);
        }
        return output(timestamp, result);
    }

    BatchProcessor<KafkaRecord> batchProcessor()
    {
        return ml() ? this::embedBatch : batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                final KafkaRecord record = batch.item(i);
                batch.succeed(i, output(record.timestamp(), spin(record.value())));
            }
        };
    }

    private void embedBatch(final Batch<KafkaRecord> batch)
    {
        final byte[][] values = new byte[batch.size()][];
        for (int i = 0; i < batch.size(); i++)
        {
            values[i] = batch.item(i).value();
        }
        final float[][] embeddings = EMBEDDERS.get().embed(values, batch.size());
        for (int i = 0; i < batch.size(); i++)
        {
            batch.succeed(i, output(batch.item(i).timestamp(), Float.floatToIntBits(embeddings[i][0])));
        }
    }

    private int spin(final byte[] value)
    {
        final long end = System.nanoTime() + spinNanos;
        int h = value.length;
        do
        {
            for (final byte b : value)
            {
                h = 31 * h + b;
            }
        }
        while (System.nanoTime() < end);
        return h;
    }

    private static byte[] output(final long timestamp, final int result)
    {
        return ByteBuffer.allocate(12).putLong(timestamp).putInt(result).array();
    }

    static long inputTimestamp(final byte[] output)
    {
        return ByteBuffer.wrap(output).getLong();
    }
}
