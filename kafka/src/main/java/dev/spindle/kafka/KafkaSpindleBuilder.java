package dev.spindle.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.SpindleBuilder;

/** Settings for one group member; {@link #build()} checks them and makes a {@link KafkaSpindle}. */
public final class KafkaSpindleBuilder
{
    final Properties consumerProperties = new Properties();
    final Properties producerProperties = new Properties();
    final BatchProcessor<KafkaRecord> processor;
    List<String> inputTopics = List.of();
    String outputTopic;
    String deadLetterTopic;
    GroupProtocol protocol = GroupProtocol.CONSUMER;
    Consumer<SpindleBuilder<KafkaRecord>> engineSettings = b -> { };
    JournalTap<? super KafkaRecord> journal;
    int maxInFlightPerPartition = 1_000;
    int maxSpanPerPartition = 10_000;
    int maxAttempts = 3;
    Duration retryBackoff = Duration.ofMillis(100);
    Duration maxRetryBackoff = Duration.ofSeconds(5);
    Duration commitInterval = Duration.ofSeconds(1);
    Duration drainTimeout = Duration.ofSeconds(10);
    Duration pollTimeout = Duration.ofMillis(5);
    int metadataMaxChars = CommitMetadata.DEFAULT_MAX_CHARS;
    String name = "spindle-kafka";

    KafkaSpindleBuilder(final BatchProcessor<KafkaRecord> processor)
    {
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    /** Consumer properties: at least {@code bootstrap.servers} and {@code group.id}; deserializers and auto commit are the adapter's. */
    public KafkaSpindleBuilder consumer(final Properties properties)
    {
        consumerProperties.putAll(properties);
        return this;
    }

    /** Producer properties; {@code bootstrap.servers} defaults to the consumer's. */
    public KafkaSpindleBuilder producer(final Properties properties)
    {
        producerProperties.putAll(properties);
        return this;
    }

    public KafkaSpindleBuilder input(final String... topics)
    {
        inputTopics = List.of(topics);
        return this;
    }

    public KafkaSpindleBuilder output(final String topic)
    {
        outputTopic = topic;
        return this;
    }

    public KafkaSpindleBuilder deadLetters(final String topic)
    {
        deadLetterTopic = topic;
        return this;
    }

    /** KIP-848's {@code consumer} protocol unless told otherwise (a {@code group.protocol} property also wins). */
    public KafkaSpindleBuilder groupProtocol(final GroupProtocol groupProtocol)
    {
        protocol = Objects.requireNonNull(groupProtocol, "groupProtocol");
        return this;
    }

    /** Engine settings (workers, ring size, batching, tuning); the listener and backpressure are the adapter's. */
    public KafkaSpindleBuilder engine(final Consumer<SpindleBuilder<KafkaRecord>> settings)
    {
        engineSettings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    public KafkaSpindleBuilder journal(final JournalTap<? super KafkaRecord> tap)
    {
        journal = tap;
        return this;
    }

    /** Pause a partition when this many of its records are fetched and not done, or when it holds this many records from its watermark on. */
    public KafkaSpindleBuilder partitionBounds(final int maxInFlight, final int maxSpan)
    {
        if (maxInFlight < 1 || maxSpan < maxInFlight)
        {
            throw new IllegalArgumentException("need 1 <= max in flight (" + maxInFlight + ") <= max span (" + maxSpan + ")");
        }
        maxInFlightPerPartition = maxInFlight;
        maxSpanPerPartition = maxSpan;
        return this;
    }

    /** Runs per record (first included) before a timeout or transient failure is dead-lettered, and the first and longest backoff. */
    public KafkaSpindleBuilder retries(final int attempts, final Duration backoff, final Duration maxBackoff)
    {
        if (attempts < 1 || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0)
        {
            throw new IllegalArgumentException("need attempts >= 1 and 0 <= backoff <= max backoff");
        }
        maxAttempts = attempts;
        retryBackoff = backoff;
        maxRetryBackoff = maxBackoff;
        return this;
    }

    public KafkaSpindleBuilder commitInterval(final Duration interval)
    {
        commitInterval = positive(interval, "commit interval");
        return this;
    }

    /** How long a revoke or close waits for the in-flight records of the partitions it gives up. */
    public KafkaSpindleBuilder drainTimeout(final Duration timeout)
    {
        drainTimeout = positive(timeout, "drain timeout");
        return this;
    }

    /** The broker's {@code offset.metadata.max.bytes}, when it is not the default 4096. */
    public KafkaSpindleBuilder metadataLimit(final int maxChars)
    {
        metadataMaxChars = maxChars;
        return this;
    }

    /** Names the poll thread and the engine's threads. */
    public KafkaSpindleBuilder name(final String threadName)
    {
        name = Objects.requireNonNull(threadName, "threadName");
        return this;
    }

    public KafkaSpindle build()
    {
        if (inputTopics.isEmpty() || outputTopic == null || deadLetterTopic == null)
        {
            throw new IllegalArgumentException("input topic(s), an output topic and a dead-letter topic are required");
        }
        for (final String key : new String[] {"bootstrap.servers", "group.id"})
        {
            if (!consumerProperties.containsKey(key))
            {
                throw new IllegalArgumentException("consumer property " + key + " is required");
            }
        }
        new CommitMetadata(metadataMaxChars);
        return new KafkaSpindle(this);
    }

    private static Duration positive(final Duration d, final String what)
    {
        if (d.isNegative() || d.isZero())
        {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return d;
    }
}
