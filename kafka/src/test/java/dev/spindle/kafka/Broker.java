package dev.spindle.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real KRaft broker (combined controller and broker) in the test JVM, shared by every test class
 * of the run (started on first use, stopped at exit), with group timeouts short enough that a killed
 * member's partitions move within seconds under either group protocol.
 */
final class Broker
{
    private static Broker shared;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final KafkaClusterTestKit cluster;
    final Admin admin;

    private Broker() throws Exception
    {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("offsets.topic.num.partitions", "3")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("group.consumer.min.session.timeout.ms", "2000")
            .setConfigProp("group.consumer.session.timeout.ms", "4000")
            .setConfigProp("group.consumer.min.heartbeat.interval.ms", "250")
            .setConfigProp("group.consumer.heartbeat.interval.ms", "500")
            .setConfigProp("group.min.session.timeout.ms", "2000")
            .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = cluster.admin();
    }

    static synchronized Broker shared() throws Exception
    {
        if (shared == null)
        {
            shared = new Broker();
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
            {
                try
                {
                    shared.admin.close();
                    shared.cluster.close();
                }
                catch (final Exception ignored)
                {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    String bootstrap()
    {
        return cluster.bootstrapServers();
    }

    /** A topic with a name no other test uses. */
    String topic(final String stem, final int partitions) throws Exception
    {
        final String name = stem + "-" + NAMES.incrementAndGet();
        admin.createTopics(List.of(new NewTopic(name, partitions, (short)1))).all().get();
        return name;
    }

    /** Produces records keyed "k0".."k(n-1)" (round-robin over partitions by key hash), values of {@code valueBytes} bytes. */
    void produce(final String topic, final int from, final int to, final int valueBytes) throws Exception
    {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()))
        {
            for (int i = from; i < to; i++)
            {
                final byte[] value = new byte[valueBytes];
                final byte[] digits = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(digits, 0, value, 0, Math.min(digits.length, value.length));
                producer.send(new ProducerRecord<>(topic, key(i), value));
            }
            producer.flush();
        }
    }

    static byte[] key(final int i)
    {
        return ("k" + i).getBytes(StandardCharsets.US_ASCII);
    }

    static String text(final byte[] bytes)
    {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads {@code topic} from the start until it holds {@code atLeast} distinct keys or the time is up. */
    List<ConsumerRecord<byte[], byte[]>> readAll(final String topic, final int atLeast, final Duration within)
    {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + within.toNanos();
            final Set<String> keys = new java.util.HashSet<>();
            while (keys.size() < atLeast && System.nanoTime() < deadline)
            {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)))
                {
                    all.add(record);
                    keys.add(text(record.key()));
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(all::add); // anything beyond: duplicates
        }
        return all;
    }

    /** The distinct keys of {@code records} (as text) and how many times each came. */
    static Map<String, Integer> keyCounts(final List<ConsumerRecord<byte[], byte[]>> records)
    {
        final Map<String, Integer> counts = new HashMap<>();
        for (final ConsumerRecord<byte[], byte[]> record : records)
        {
            counts.merge(text(record.key()), 1, Integer::sum);
        }
        return counts;
    }

    /** Per partition of {@code topic}: the group's committed offset and the log end offset. */
    Map<TopicPartition, long[]> committedAndEnd(final String group, final String topic) throws Exception
    {
        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        final Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        final Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        final Map<TopicPartition, long[]> result = new HashMap<>();
        for (final TopicPartition partition : partitions)
        {
            final OffsetAndMetadata c = committed.get(partition);
            result.put(partition, new long[] {c == null ? -1 : c.offset(), ends.get(partition).offset()});
        }
        return result;
    }

    static Properties member(final String bootstrap, final String group, final GroupProtocol protocol)
    {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        if (protocol == GroupProtocol.CLASSIC)
        {
            p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "4000");
            p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        }
        return p;
    }
}
