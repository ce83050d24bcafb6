package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.spindle.engine.BatchProcessor;

/** A processor that throws on some keys and fails others transiently once, against a real broker. */
class PoisonRecordsTest
{
    private static final int RECORDS = 3_000;

    static boolean poison(final int i)
    {
        return i % 97 == 13;
    }

    static boolean flaky(final int i)
    {
        return i % 101 == 7;
    }

    static int index(final KafkaRecord record)
    {
        return Integer.parseInt(Broker.text(record.key()).substring(1));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsOriginAndTheWatermarkPassesIt() throws Exception
    {
        final Broker broker = Broker.shared();
        final String in = broker.topic("poison-in", 3);
        final String out = broker.topic("poison-out", 3);
        final String dlt = broker.topic("poison-dlt", 1);
        final String group = in + "-group";
        broker.produce(in, 0, RECORDS, 16);

        final BatchProcessor<KafkaRecord> processor = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                final KafkaRecord record = batch.item(i);
                final int index = index(record);
                if (poison(index))
                {
                    throw new IllegalArgumentException("poison " + index);
                }
                if (flaky(index) && record.attempt() == 1)
                {
                    batch.fail(i, TransientFailure.reason("flaky " + index));
                    continue;
                }
                batch.succeed(i, ("out-" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        final int poisoned = (int)java.util.stream.IntStream.range(0, RECORDS).filter(PoisonRecordsTest::poison).count();
        final KafkaMetrics metrics;
        try (KafkaSpindle member = KafkaSpindle.builder(processor)
            .consumer(Broker.member(broker.bootstrap(), group, GroupProtocol.CONSUMER))
            .input(in).output(out).deadLetters(dlt)
            .retries(3, Duration.ofMillis(20), Duration.ofMillis(200))
            .commitInterval(Duration.ofMillis(200))
            .engine(e -> e.workers(2))
            .build().start())
        {
            final List<ConsumerRecord<byte[], byte[]>> outputs = broker.readAll(out, RECORDS - poisoned, Duration.ofSeconds(60));
            final Map<String, Integer> outKeys = Broker.keyCounts(outputs);
            for (int i = 0; i < RECORDS; i++)
            {
                assertEquals(poison(i) ? null : Integer.valueOf(1), outKeys.get("k" + i), "output of k" + i);
            }
            for (final ConsumerRecord<byte[], byte[]> output : outputs)
            {
                assertEquals("out-" + Broker.text(output.key()).substring(1), Broker.text(output.value()));
            }
            final List<ConsumerRecord<byte[], byte[]>> dead = broker.readAll(dlt, poisoned, Duration.ofSeconds(30));
            assertEquals(poisoned, dead.size());
            for (final ConsumerRecord<byte[], byte[]> letter : dead)
            {
                final int index = Integer.parseInt(Broker.text(letter.key()).substring(1));
                assertTrue(poison(index), "k" + index + " is not poison");
                assertEquals(in, DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_TOPIC));
                final int partition = Integer.parseInt(DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_PARTITION));
                final long offset = Long.parseLong(DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_OFFSET));
                assertEquals("k" + index, Broker.text(recordAt(broker, in, partition, offset).key()), "origin names the input record");
                assertEquals("processor threw java.lang.IllegalArgumentException: poison " + index,
                    DeadLetters.header(letter.headers(), DeadLetters.REASON));
                assertEquals("1", DeadLetters.header(letter.headers(), DeadLetters.ATTEMPTS));
                assertEquals(Integer.toString(index), Broker.text(letter.value()).trim().replace("\0", ""));
            }
            awaitCommitted(broker, group, in, Duration.ofSeconds(30));
            metrics = member.metrics();
        }
        assertEquals(RECORDS, metrics.recordsIn());
        assertEquals(RECORDS - poisoned, metrics.recordsOut());
        assertEquals(poisoned, metrics.deadLettered());
        assertEquals(java.util.stream.IntStream.range(0, RECORDS).filter(i -> flaky(i) && !poison(i)).count(), metrics.retries());
    }

    /** Waits until the group's commits reach every partition's end: the watermark passed the dead letters. */
    static void awaitCommitted(final Broker broker, final String group, final String topic, final Duration within) throws Exception
    {
        final long deadline = System.nanoTime() + within.toNanos();
        Map<TopicPartition, long[]> offsets = broker.committedAndEnd(group, topic);
        while (offsets.values().stream().anyMatch(o -> o[0] != o[1]) && System.nanoTime() < deadline)
        {
            Thread.sleep(100);
            offsets = broker.committedAndEnd(group, topic);
        }
        for (final Map.Entry<TopicPartition, long[]> entry : offsets.entrySet())
        {
            assertEquals(entry.getValue()[1], entry.getValue()[0], "committed offset of " + entry.getKey());
        }
    }

    private static ConsumerRecord<byte[], byte[]> recordAt(final Broker broker, final String topic, final int partition, final long offset)
    {
        final java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer()))
        {
            final TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline)
            {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)))
                {
                    return record;
                }
            }
            throw new AssertionError("no record at " + tp + "@" + offset);
        }
    }
}
