package dev.spindle.kafka;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.Spindle;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.engine.metrics.PerformanceReport;

/**
 * One Spindle as one member of a Kafka consumer group: each record is one engine item, each outcome
 * goes to the output or dead-letter topic, and a partition's offset is committed only up to its
 * lowest record without an acknowledged outcome (at-least-once). Kafka does membership, failure
 * detection and durable progress; this class only wires a consumer, an engine and a producer.
 */
public final class KafkaSpindle implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(KafkaSpindle.class.getName());

    private final KafkaSpindleBuilder settings;
    private final KafkaCounters counters = new KafkaCounters();
    private final Queue<Settlement> settlements = new ConcurrentLinkedQueue<>();
    private KafkaProducer<byte[], byte[]> producer;
    private Spindle<KafkaRecord> engine;
    private PollAgent agent;
    private AgentRunner runner;
    private Thread pollThread;
    private boolean closed;

    KafkaSpindle(final KafkaSpindleBuilder settings)
    {
        this.settings = settings;
    }

    public static KafkaSpindleBuilder builder(final BatchProcessor<KafkaRecord> processor)
    {
        return new KafkaSpindleBuilder(processor);
    }

    /** Starts the engine, the producer and the poll thread, which joins the group. */
    public synchronized KafkaSpindle start()
    {
        if (runner != null)
        {
            throw new IllegalStateException("already started");
        }
        final Properties consumerProperties = consumerProperties();
        producer = new KafkaProducer<>(producerProperties());
        final OutcomeRouter router = new OutcomeRouter(producer, settings.outputTopic, settings.deadLetterTopic, settlements, counters);
        final SpindleBuilder<KafkaRecord> engineBuilder = Spindle.builder(KafkaRecord::new, settings.processor).threadNamePrefix(settings.name);
        settings.engineSettings.accept(engineBuilder);
        engineBuilder.listener(router).backpressure(Backpressure.TRY);
        if (settings.journal != null)
        {
            engineBuilder.journal(settings.journal);
        }
        engine = engineBuilder.build().start();
        final int maxPollRecords = Integer.parseInt(consumerProperties.getProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"));
        agent = new PollAgent(settings, () -> new KafkaConsumer<>(consumerProperties), engine, router, settlements, counters, maxPollRecords);
        runner = new AgentRunner(NoOpIdleStrategy.INSTANCE, KafkaSpindle::pollThreadFailed, null, agent);
        pollThread = AgentRunner.startOnThread(runner);
        return this;
    }

    /** Stops intake, drains in-flight records (up to the drain timeout), commits, leaves the group, then stops the engine and producer. */
    @Override
    public synchronized void close()
    {
        if (closed || runner == null)
        {
            closed = true;
            return;
        }
        closed = true;
        agent.requestClose();
        try
        {
            pollThread.join(settings.drainTimeout.toMillis() * 2 + TimeUnit.SECONDS.toMillis(30));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        runner.close();
        engine.close();
        producer.close(settings.drainTimeout); // bounded: a send still unacked was not committed, so the next owner runs it again
    }

    private static void pollThreadFailed(final Throwable t)
    {
        if (!(t instanceof AgentTerminationException))
        {
            LOG.log(Level.WARNING, "spindle-kafka poll thread: " + t, t);
        }
    }

    /** Totals as of now; per-partition figures as of the last commit round. */
    public KafkaMetrics metrics()
    {
        final KafkaMetrics partitions = agent == null ? null : agent.metrics();
        return partitions == null ? KafkaMetrics.of(counters, java.util.Map.of(), java.util.Map.of())
            : KafkaMetrics.of(counters, partitions.inFlight(), partitions.commitLag());
    }

    /** The engine's own report (throughput, batches, latency percentiles). */
    public PerformanceReport engineReport()
    {
        return engine.report();
    }

    Properties consumerProperties()
    {
        final Properties p = new Properties();
        p.putAll(settings.consumerProperties);
        p.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, settings.protocol.configValue());
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    Properties producerProperties()
    {
        final Properties p = new Properties();
        p.putAll(settings.producerProperties);
        p.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.consumerProperties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
