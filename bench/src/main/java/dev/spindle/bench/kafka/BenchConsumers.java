package dev.spindle.bench.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.spindle.kafka.KafkaSpindle;
import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelStreamProcessor;

/**
 * The three consumers {@link KafkaBench} compares, each started over {@code in} and stopped by
 * {@link AutoCloseable#close()}: spindle-kafka; a plain poll loop that hands each record to a
 * ThreadPoolExecutor, waits for the poll's records and their sends, then commits synchronously;
 * Confluent's parallel consumer (unordered, asynchronous commits; its consumer must be classic). Spindle and
 * the plain loop run {@code workers} threads of work; the others' producers keep Kafka's default linger (5 ms).
 */
final class BenchConsumers
{
    /**
     * The parallel consumer runs the user function and then waits for its record's send to be acknowledged on
     * the same thread, so with one thread per core it mostly waits: it gets 8 per worker (its documented use is
     * high concurrency), and a producer without linger.
     */
    static final int PC_THREADS_PER_WORKER = 8;

    static final List<String> NAMES = List.of("plain-loop", "parallel-consumer", "spindle-kafka");

    private BenchConsumers()
    {
    }

    static AutoCloseable start(final String name, final String bootstrap, final String in, final String out, final String group,
        final BenchWorkload workload, final int workers)
    {
        return switch (name)
        {
            case "spindle-kafka" -> spindle(bootstrap, in, out, group, workload, workers);
            case "plain-loop" -> plainLoop(bootstrap, in, out, group, workload, workers);
            case "parallel-consumer" -> parallelConsumer(bootstrap, in, out, group, workload, workers);
            default -> throw new IllegalArgumentException("no consumer " + name + "; one of " + NAMES);
        };
    }

    private static Properties consumer(final String bootstrap, final String group, final String protocol)
    {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        return p;
    }

    private static KafkaProducer<byte[], byte[]> producer(final String bootstrap, final String lingerMs)
    {
        final Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", lingerMs);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static AutoCloseable spindle(final String bootstrap, final String in, final String out, final String group,
        final BenchWorkload workload, final int workers)
    {
        final KafkaSpindle member = KafkaSpindle.builder(workload.batchProcessor())
            .consumer(consumer(bootstrap, group, "consumer"))
            .input(in).output(out).deadLetters(out + ".dlt")
            .engine(e -> e.workers(workers))
            .build().start();
        return member::close;
    }

    private static AutoCloseable plainLoop(final String bootstrap, final String in, final String out, final String group,
        final BenchWorkload workload, final int workers)
    {
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService pool = Executors.newFixedThreadPool(workers);
        final Thread loop = new Thread(() ->
        {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumer(bootstrap, group, "consumer"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()); KafkaProducer<byte[], byte[]> producer = producer(bootstrap, "5"))
            {
                consumer.subscribe(List.of(in));
                final List<Future<Future<RecordMetadata>>> tasks = new ArrayList<>();
                while (running.get())
                {
                    for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)))
                    {
                        tasks.add(pool.submit(() -> producer.send(new ProducerRecord<>(out, record.key(),
                            workload.apply(record.timestamp(), record.value())))));
                    }
                    for (final Future<Future<RecordMetadata>> task : tasks)
                    {
                        task.get().get();
                    }
                    if (!tasks.isEmpty())
                    {
                        consumer.commitSync();
                        tasks.clear();
                    }
                }
            }
            catch (final Exception e)
            {
                throw new IllegalStateException("plain loop failed", e);
            }
        }, "plain-loop");
        loop.start();
        return () ->
        {
            running.set(false);
            loop.join(60_000);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        };
    }

    private static AutoCloseable parallelConsumer(final String bootstrap, final String in, final String out, final String group,
        final BenchWorkload workload, final int workers)
    {
        final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumer(bootstrap, group, "classic"),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        final KafkaProducer<byte[], byte[]> producer = producer(bootstrap, "0"); // it waits for each send's ack: no linger
        final ParallelConsumerOptions<byte[], byte[]> options = ParallelConsumerOptions.<byte[], byte[]>builder()
            .consumer(consumer).producer(producer)
            .ordering(ParallelConsumerOptions.ProcessingOrder.UNORDERED)
            .commitMode(ParallelConsumerOptions.CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS)
            .maxConcurrency(workers * PC_THREADS_PER_WORKER)
            .ignoreReflectiveAccessExceptionsForAutoCommitDisabledCheck(true)
            .build();
        final ParallelStreamProcessor<byte[], byte[]> processor = ParallelStreamProcessor.createEosStreamProcessor(options);
        processor.subscribe(List.of(in));
        processor.pollAndProduce(context ->
        {
            final ConsumerRecord<byte[], byte[]> record = context.getSingleConsumerRecord();
            return new ProducerRecord<>(out, record.key(), workload.apply(record.timestamp(), record.value()));
        });
        return () ->
        {
            processor.close();
            producer.close();
        };
    }
}
