package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.spindle.engine.BatchProcessor;

/** A second member joins while the first is busy: partitions move (revoke drains and commits), nothing is lost, commits go on. */
class MemberJoinTest
{
    private static final int RECORDS = 6_000;

    @Test
    void aMemberJoiningMidRunTakesPartitionsAndNothingIsLost() throws Exception
    {
        final Broker broker = Broker.shared();
        final String in = broker.topic("join-in", 6);
        final String out = broker.topic("join-out", 6);
        final String dlt = broker.topic("join-dlt", 1);
        final String group = in + "-group";
        broker.produce(in, 0, RECORDS, 8);
        final BatchProcessor<KafkaRecord> slow = batch ->
        {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(1_000) * batch.size());
            for (int i = 0; i < batch.size(); i++)
            {
                batch.succeed(i, ("done " + Broker.text(batch.item(i).key())).getBytes(StandardCharsets.UTF_8));
            }
        };
        final KafkaMetrics first;
        final KafkaMetrics second;
        try (KafkaSpindle a = member(broker, group, in, out, dlt, slow, "a"))
        {
            MemberKillTest.awaitOutputs(broker, out, RECORDS / 5, Duration.ofSeconds(60));
            final long committedBefore = a.metrics().commits();
            try (KafkaSpindle b = member(broker, group, in, out, dlt, slow, "b"))
            {
                final List<ConsumerRecord<byte[], byte[]>> outputs = broker.readAll(out, RECORDS, Duration.ofSeconds(90));
                final Map<String, Integer> keys = Broker.keyCounts(outputs);
                assertEquals(RECORDS, keys.size(), "distinct outputs");
                PoisonRecordsTest.awaitCommitted(broker, group, in, Duration.ofSeconds(30));
                assertTrue(a.metrics().commits() > committedBefore, "the first member kept committing");
                assertTrue(b.metrics().recordsIn() > 0, "the second member took partitions");
                assertTrue(a.metrics().rebalances() >= 2, "the first member saw its assignment change: " + a.metrics().rebalances());
                assertEquals(outputs.size(), keys.size(), "a revoke drains and commits: no duplicates when nobody dies");
                second = b.metrics();
            }
            first = a.metrics();
        }
        assertEquals(RECORDS, first.recordsOut() + second.recordsOut());
        assertEquals(0, first.deadLettered() + second.deadLettered());
    }

    private static KafkaSpindle member(final Broker broker, final String group, final String in, final String out, final String dlt,
                                       final BatchProcessor<KafkaRecord> processor, final String name)
    {
        return KafkaSpindle.builder(processor)
            .consumer(Broker.member(broker.bootstrap(), group, GroupProtocol.CONSUMER))
            .input(in).output(out).deadLetters(dlt)
            .partitionBounds(100, 300)
            .commitInterval(Duration.ofMillis(200))
            .engine(e -> e.workers(2))
            .name("member-" + name)
            .build().start();
    }
}
