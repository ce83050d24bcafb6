package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.journal.json.Json;

/** {@code spindle kafka} in child JVMs against a real in-JVM KRaft broker: both processors, Ctrl-C, a broker that is not there. */
class KafkaCommandTest
{
    private static KafkaClusterTestKit cluster;
    private static Admin admin;

    @TempDir
    Path logs;

    /** The broker logs through JUL here (slf4j-jdk14): its warnings only. Held: JUL keeps loggers weakly. */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("kafka"),
        java.util.logging.Logger.getLogger("org.apache.kafka"), java.util.logging.Logger.getLogger("state.change.logger"));

    @BeforeAll
    static void broker() throws Exception
    {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = cluster.admin();
    }

    @AfterAll
    static void stop() throws Exception
    {
        admin.close();
        cluster.close();
    }

    @Test
    void hashWritesSizeAndSha256OfEachValueAndStopsAfterMaxRecords() throws Exception
    {
        final String in = topics("hash");
        final List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 300; i++)
        {
            values.add(("record number " + i).getBytes(StandardCharsets.UTF_8));
        }
        produce(in, values);
        final ChildCli run = ChildCli.start(logs, "hash", List.of("kafka", "--bootstrap", cluster.bootstrapServers(), "--group", in + "-g",
            "--in", in, "--out", in + "-out", "--processor", "hash", "--max-records", "300"));
        assertEquals(0, run.exitCode(), () -> errOf(run));
        assertTrue(run.out().contains("300 records in, 300 out, 0 dead-lettered"), run.out());
        final List<ConsumerRecord<byte[], byte[]>> outputs = read(in + "-out", 300);
        assertEquals(300, outputs.size());
        for (final ConsumerRecord<byte[], byte[]> output : outputs)
        {
            final int i = Integer.parseInt(new String(output.key(), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            final Map<String, Object> json = (Map<String, Object>)Json.read(new String(output.value(), StandardCharsets.UTF_8));
            assertEquals((long)values.get(i).length, json.get("size"));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(values.get(i))), json.get("sha256"));
        }
        assertFalse(run.err().contains("AbstractConfig") || run.err().contains("in flight"), "no client chatter, no progress line off a terminal: " + run.err());
    }

    @Test
    void mlWritesAUnitEmbeddingPerDocument() throws Exception
    {
        final String in = topics("ml");
        final List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 40; i++)
        {
            values.add(("the quick brown fox " + i + " jumps over the lazy dog").getBytes(StandardCharsets.UTF_8));
        }
        produce(in, values);
        final ChildCli run = ChildCli.start(logs, "ml", List.of("kafka", "--bootstrap", cluster.bootstrapServers(), "--group", in + "-g",
            "--in", in, "--out", in + "-out", "--max-records", "40"));
        assertEquals(0, run.exitCode(), () -> errOf(run));
        for (final ConsumerRecord<byte[], byte[]> output : read(in + "-out", 40))
        {
            @SuppressWarnings("unchecked")
            final Map<String, Object> json = (Map<String, Object>)Json.read(new String(output.value(), StandardCharsets.UTF_8));
            final List<?> embedding = (List<?>)json.get("embedding");
            assertEquals(256, embedding.size());
            double norm = 0;
            for (final Object v : embedding)
            {
                norm += ((Number)v).doubleValue() * ((Number)v).doubleValue();
            }
            assertEquals(1.0, norm, 1e-3);
            assertEquals(List.of(), json.get("categories"));
        }
    }

    @Test
    void ctrlCDrainsCommitsAndExits130() throws Exception
    {
        final String in = topics("sigint");
        final List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 200; i++)
        {
            values.add(new byte[] {(byte)i});
        }
        produce(in, values);
        final ChildCli run = ChildCli.start(logs, "sigint", List.of("kafka", "--bootstrap", cluster.bootstrapServers(), "--group", in + "-g",
            "--in", in, "--out", in + "-out", "--processor", "hash"));
        read(in + "-out", 200);
        final Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -INT " + run.process.pid()).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS));
        assertEquals(ExitCodes.INTERRUPTED_SIGINT, run.exitCode(), () -> errOf(run));
        assertTrue(run.err().contains("SIGINT: stopped polling"), run.err());
        assertTrue(run.out().contains("(interrupted: SIGINT)"), run.out());
        final var committed = admin.listConsumerGroupOffsets(in + "-g").partitionsToOffsetAndMetadata().get();
        assertEquals(200, committed.get(new TopicPartition(in, 0)).offset(), "committed on the way out");
    }

    @Test
    void aJournaledRunIsReadByVerifyAndReportAndResumeRefusesIt() throws Exception
    {
        final String in = topics("journal");
        final List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            values.add(("value " + i).getBytes(StandardCharsets.UTF_8));
        }
        produce(in, values);
        final Path journal = logs.resolve("journal");
        final ChildCli run = ChildCli.start(logs, "journaled", List.of("kafka", "--bootstrap", cluster.bootstrapServers(), "--group", in + "-g",
            "--in", in, "--out", in + "-out", "--processor", "hash", "--max-records", "100", "--journal", journal.toString()));
        assertEquals(0, run.exitCode(), () -> errOf(run));
        final ChildCli verify = ChildCli.start(logs, "verify", List.of("journal", "verify", journal.toString(), "--require-complete"));
        assertEquals(0, verify.exitCode(), () -> errOf(verify));
        assertTrue(verify.out().contains("100"), verify.out());
        final ChildCli report = ChildCli.start(logs, "report", List.of("report", journal.toString(), "--out", logs.resolve("r.html").toString()));
        assertEquals(0, report.exitCode(), () -> errOf(report));
        assertTrue(java.nio.file.Files.size(logs.resolve("r.html")) > 1_000);
        final ChildCli resume = ChildCli.start(logs, "resume", List.of("resume", journal.toString()));
        assertEquals(ExitCodes.USAGE, resume.exitCode(), () -> errOf(resume));
        assertEquals(1, resume.err().strip().lines().count(), resume.err());
        assertTrue(resume.err().contains("records a Kafka run: the group's committed offsets are its progress"), resume.err());
    }

    @Test
    void noBrokerIsOneLineAndExit16() throws Exception
    {
        final ChildCli run = ChildCli.start(logs, "nobroker", List.of("kafka", "--bootstrap", "127.0.0.1:1", "--group", "g",
            "--in", "a", "--out", "b", "--connect-timeout", "2s"));
        assertEquals(ExitCodes.KAFKA_UNAVAILABLE, run.exitCode(), () -> errOf(run));
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("spindle kafka: no Kafka broker answered at 127.0.0.1:1 within 2s"), run.err());
        final String missing = topics("missing");
        final ChildCli noTopic = ChildCli.start(logs, "notopic", List.of("kafka", "--bootstrap", cluster.bootstrapServers(), "--group", "g",
            "--in", missing + "-nope", "--out", missing + "-out"));
        assertEquals(ExitCodes.KAFKA_UNAVAILABLE, noTopic.exitCode(), () -> errOf(noTopic));
        assertEquals("spindle kafka: no topic '" + missing + "-nope' on " + cluster.bootstrapServers() + " (create it first)", noTopic.err().strip());
        assertFalse(noTopic.err().contains("Exception"));
    }

    private static String errOf(final ChildCli run)
    {
        try
        {
            return run.err();
        }
        catch (final java.io.IOException e)
        {
            return e.toString();
        }
    }

    /** Creates NAME (1 partition), NAME-out and NAME.dlt; returns NAME. */
    private static String topics(final String stem) throws Exception
    {
        final String name = "cli-" + stem;
        admin.createTopics(List.of(new NewTopic(name, 1, (short)1), new NewTopic(name + "-out", 1, (short)1),
            new NewTopic(name + ".dlt", 1, (short)1))).all().get();
        return name;
    }

    private static void produce(final String topic, final List<byte[]> values) throws Exception
    {
        final Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()))
        {
            for (int i = 0; i < values.size(); i++)
            {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8), values.get(i)));
            }
            producer.flush();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(final String topic, final int count)
    {
        final Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        final List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (all.size() < count && System.nanoTime() < deadline)
            {
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
            }
        }
        assertEquals(count, all.size(), "records on " + topic);
        return all;
    }
}
