package dev.spindle.bench.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.HdrHistogram.Histogram;
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

/**
 * spindle-kafka against a plain poll loop + ThreadPoolExecutor and Confluent's parallel consumer, on one
 * in-JVM KRaft broker, per run and workload: records/s draining a backlog (first to last output), then p50/p99 from the input
 * record's timestamp to the output's append on the broker (LogAppendTime: the ack point) under a paced
 * load at half the plain loop's records/s of that run. Consumers take turns in a rotated order.
 * Options: --runs 3 --workers 2 --records-cpu 100000 --records-ml 10000 --spin-micros 20 --paced-seconds 5.
 */
public final class KafkaBench
{
    private static final int PARTITIONS = 6;
    private static final List<Logger> QUIET = List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
        Logger.getLogger("state.change.logger"), Logger.getLogger("io.confluent"));

    private final Admin admin;
    private final String bootstrap;
    private int topics;

    private KafkaBench(final Admin admin, final String bootstrap)
    {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    public static void main(final String[] args) throws Exception
    {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        final Map<String, String> o = dev.spindle.bench.OptionsAccess.parse(args);
        final int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
        final int workers = Integer.parseInt(o.getOrDefault("workers", "2"));
        final Map<String, Integer> records = Map.of("cpu", Integer.parseInt(o.getOrDefault("records-cpu", "100000")),
            "ml", Integer.parseInt(o.getOrDefault("records-ml", "10000")));
        final long spinMicros = Long.parseLong(o.getOrDefault("spin-micros", "20"));
        final int pacedSeconds = Integer.parseInt(o.getOrDefault("paced-seconds", "5"));
        final KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
            .setNumControllerNodes(1).build())
            .setConfigProp("group.initial.rebalance.delay.ms", "0").setConfigProp("offsets.topic.replication.factor", "1").build();
        try
        {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = cluster.admin())
            {
                new KafkaBench(admin, cluster.bootstrapServers()).runAll(runs, workers, records, spinMicros, pacedSeconds);
            }
        }
        finally
        {
            cluster.close();
        }
    }

    private void runAll(final int runs, final int workers, final Map<String, Integer> records, final long spinMicros, final int pacedSeconds)
        throws Exception
    {
        final Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++)
        {
            for (final String name : List.of("cpu", "ml"))
            {
                final BenchWorkload workload = new BenchWorkload(name, spinMicros);
                final List<String> order = rotated(BenchConsumers.NAMES, run);
                final Map<String, Double> rate = new LinkedHashMap<>();
                for (final String consumer : order)
                {
                    rate.put(consumer, backlog(consumer, workload, records.get(name), workers));
                }
                final double paced = rate.get("plain-loop") / 2;
                for (final String consumer : order)
                {
                    final long[] p = paced(consumer, workload, paced, pacedSeconds, workers);
                    System.out.printf(Locale.ROOT, "run %d %-3s %-17s backlog %,9.0f rec/s | paced %,.0f rec/s: p50 %d ms, p99 %d ms%n",
                        run + 1, name, consumer, rate.get(consumer), paced, p[0], p[1]);
                    results.computeIfAbsent(name + " " + consumer, k -> new ArrayList<>()).add(new double[] {rate.get(consumer), p[1]});
                }
            }
        }
        summary(results, runs);
    }

    private static void summary(final Map<String, List<double[]>> results, final int runs)
    {
        System.out.println();
        for (final Map.Entry<String, List<double[]>> e : results.entrySet())
        {
            System.out.printf(Locale.ROOT, "%-22s rec/s %s   p99 ms %s%n", e.getKey(), spread(e.getValue(), 0), spread(e.getValue(), 1));
        }
        for (final String workload : List.of("cpu", "ml"))
        {
            for (final String baseline : List.of("plain-loop", "parallel-consumer"))
            {
                final List<double[]> ours = results.get(workload + " spindle-kafka");
                final List<double[]> theirs = results.get(workload + " " + baseline);
                final List<double[]> ratios = new ArrayList<>();
                for (int r = 0; r < runs; r++)
                {
                    ratios.add(new double[] {ours.get(r)[0] / theirs.get(r)[0], ours.get(r)[1] / Math.max(1, theirs.get(r)[1])});
                }
                System.out.printf(Locale.ROOT, "%-3s spindle-kafka / %-17s records/s %s   p99 %s%n", workload, baseline,
                    spread(ratios, 0), spread(ratios, 1));
            }
        }
    }

    private static String spread(final List<double[]> rows, final int column)
    {
        final double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        final String f = v[v.length - 1] >= 100 ? "%,.0f" : "%.2f";
        return String.format(Locale.ROOT, "median " + f + " [" + f + " - " + f + "]", v[v.length / 2], v[0], v[v.length - 1]);
    }

    private static List<String> rotated(final List<String> names, final int by)
    {
        final List<String> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
        {
            order.add(names.get((i + by) % names.size()));
        }
        return order;
    }

    /**
     * Records/s draining a backlog of {@code count} records, between the first and the last output's append
     * (so the group join, the same for all, is left out).
     */
    private double backlog(final String consumer, final BenchWorkload workload, final int count, final int workers) throws Exception
    {
        final String in = topic("in", false);
        final String out = topic("out", true);
        produce(in, workload, count, 0);
        final long[] firstAppend = {Long.MAX_VALUE};
        final long lastAppend;
        final AutoCloseable running = BenchConsumers.start(consumer, bootstrap, in, out, in + "-g", workload, workers);
        try
        {
            lastAppend = read(out, count, (appended, input) -> firstAppend[0] = Math.min(firstAppend[0], appended));
        }
        finally
        {
            running.close();
        }
        return (count - 1) * 1000.0 / Math.max(1, lastAppend - firstAppend[0]);
    }

    /** p50 and p99 (ms) of input timestamp to output append under {@code rate} records/s for {@code seconds}, the first second left out. */
    private long[] paced(final String consumer, final BenchWorkload workload, final double rate, final int seconds, final int workers)
        throws Exception
    {
        final String in = topic("in", false);
        final String out = topic("out", true);
        final Histogram latency = new Histogram(3);
        final int count = (int)(rate * seconds);
        final AutoCloseable running = BenchConsumers.start(consumer, bootstrap, in, out, in + "-g", workload, workers);
        try
        {
            produce(in, workload, 1, 0); // a first record: the consumer has joined once its output is there
            read(out, 1, null);
            final long warmUpEnd = System.currentTimeMillis() + 1_000;
            final Thread producer = new Thread(() -> produceQuietly(in, workload, count, rate));
            producer.start();
            read(out, count + 1, (appended, input) ->
            {
                if (input >= warmUpEnd)
                {
                    latency.recordValue(Math.max(0, appended - input));
                }
            });
            producer.join();
        }
        finally
        {
            running.close();
        }
        return new long[] {latency.getValueAtPercentile(50), latency.getValueAtPercentile(99)};
    }

    private String topic(final String stem, final boolean appendTime) throws Exception
    {
        final String name = "bench-" + stem + "-" + (++topics);
        final NewTopic topic = new NewTopic(name, PARTITIONS, (short)1);
        if (appendTime)
        {
            topic.configs(Map.of("message.timestamp.type", "LogAppendTime"));
        }
        admin.createTopics(List.of(topic)).all().get();
        return name;
    }

    private void produceQuietly(final String topic, final BenchWorkload workload, final int count, final double rate)
    {
        try
        {
            produce(topic, workload, count, rate);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} records keyed "k<i>" (continuing after any already sent), at {@code rate}/s, or at once when 0. */
    private void produce(final String topic, final BenchWorkload workload, final int count, final double rate) throws Exception
    {
        final Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", rate > 0 ? "0" : "20");
        final SplittableRandom random = new SplittableRandom(topic.hashCode());
        final int offset = rate > 0 ? 1 : 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()))
        {
            final long start = System.nanoTime();
            for (int i = 0; i < count; i++)
            {
                if (rate > 0)
                {
                    final long due = start + (long)(i * 1e9 / rate);
                    while (System.nanoTime() < due)
                    {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                producer.send(new ProducerRecord<>(topic, ("k" + (i + offset)).getBytes(StandardCharsets.US_ASCII), value(workload, random)));
            }
            producer.flush();
        }
    }

    private static final String[] WORDS = ("batch ring worker engine kafka record offset commit partition member group rebalance latency"
        + " throughput embedding category document queue budget cutter lane deadline tuner journal replay histogram percentile").split(" ");

    private static byte[] value(final BenchWorkload workload, final SplittableRandom random)
    {
        if (!workload.ml())
        {
            return new byte[64];
        }
        final StringBuilder text = new StringBuilder(1_100);
        while (text.length() < 1_000)
        {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(100)).append(' ');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    interface Sample
    {
        void record(long appendMillis, long inputMillis);
    }

    /** Reads {@code topic} until {@code distinct} keys have arrived (at most 5 minutes); returns the last append time. */
    private long read(final String topic, final int distinct, final Sample sample)
    {
        final Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        final Set<String> keys = new HashSet<>();
        long last = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++)
            {
                partitions.add(new TopicPartition(topic, i));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (keys.size() < distinct)
            {
                if (System.nanoTime() > deadline)
                {
                    throw new IllegalStateException(topic + ": " + keys.size() + " of " + distinct + " outputs within 5 minutes");
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50)))
                {
                    if (keys.add(new String(record.key(), StandardCharsets.US_ASCII)))
                    {
                        last = Math.max(last, record.timestamp());
                        if (sample != null)
                        {
                            sample.record(record.timestamp(), BenchWorkload.inputTimestamp(record.value()));
                        }
                    }
                }
            }
        }
        return last;
    }
}
