package dev.spindle.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.Spindle;

/**
 * The one thread that owns the consumer: it polls, tracks and publishes records (TRY: a full ring
 * parks the record here and pauses intake), applies settlements, schedules retries, pauses and
 * resumes partitions, and commits. Keeping every consumer call and every tracker on this thread
 * means no locks; workers and producer callbacks reach it only through the settlement queue.
 */
final class PollAgent implements Agent
{
    private static final ItemTranslatorOneArg<KafkaRecord, KafkaRecord> COPY = KafkaRecord::copyFrom;

    private final KafkaSpindleBuilder settings;
    private final Supplier<Consumer<byte[], byte[]>> consumerFactory;
    private final Spindle<KafkaRecord> engine;
    private final OutcomeRouter router;
    private final Queue<Settlement> settlements;
    private final KafkaCounters counters;
    private final Commits commits;
    private final int trackerCapacity;
    private final Map<TopicPartition, PartitionState> states = new HashMap<>();
    private final RetrySchedule retries;
    private final ArrayDeque<KafkaRecord> refused = new ArrayDeque<>();
    private final KafkaRecord scratch = new KafkaRecord();
    private final List<TopicPartition> toPause = new ArrayList<>();
    private final List<TopicPartition> toResume = new ArrayList<>();
    private final PollFailures pollFailures;
    private final IdleStrategy drainIdle = new SleepingMillisIdleStrategy(1);
    private Consumer<byte[], byte[]> consumer;
    private long nextCommitNanos;
    private long submissions;
    private volatile boolean closeRequested;
    private volatile KafkaMetrics metrics;

    PollAgent(final KafkaSpindleBuilder settings, final Supplier<Consumer<byte[], byte[]>> consumerFactory, final Spindle<KafkaRecord> engine,
              final OutcomeRouter router, final Queue<Settlement> settlements, final KafkaCounters counters, final int maxPollRecords)
    {
        this.settings = settings;
        this.consumerFactory = consumerFactory;
        this.engine = engine;
        this.router = router;
        this.settlements = settlements;
        this.counters = counters;
        this.commits = new Commits(settings.metadataMaxChars, counters, settings.drainTimeout);
        this.trackerCapacity = settings.maxSpanPerPartition + maxPollRecords;
        this.retries = new RetrySchedule(settings.retryBackoff, settings.maxRetryBackoff);
        this.pollFailures = new PollFailures(settings.retryBackoff.toMillis());
        this.metrics = KafkaMetrics.of(counters, Map.of(), Map.of());
    }

    @Override
    public void onStart()
    {
        consumer = consumerFactory.get();
        consumer.subscribe(settings.inputTopics, new Rebalancing(this));
        nextCommitNanos = System.nanoTime() + settings.commitInterval.toNanos();
    }

    @Override
    public int doWork()
    {
        if (closeRequested)
        {
            closeDown();
            throw new AgentTerminationException("closed");
        }
        int work = applySettlements();
        work += publishWaiting();
        updatePauses();
        final ConsumerRecords<byte[], byte[]> records;
        try
        {
            records = consumer.poll(work > 0 ? Duration.ZERO : settings.pollTimeout);
        }
        catch (final WakeupException | InterruptException e)
        {
            throw e;
        }
        catch (final KafkaException e)
        {
            pollFailures.failed(e);
            return work;
        }
        pollFailures.succeeded();
        for (final TopicPartition partition : records.partitions())
        {
            final PartitionState state = states.get(partition);
            for (final ConsumerRecord<byte[], byte[]> record : records.records(partition))
            {
                intake(state, record);
            }
        }
        work += records.count();
        final long now = System.nanoTime();
        if (now - nextCommitNanos >= 0)
        {
            commits.commitAsync(consumer, states.values());
            nextCommitNanos = now + settings.commitInterval.toNanos();
            publishMetrics();
        }
        return work;
    }

    @Override
    public void onClose()
    {
        if (consumer != null)
        {
            consumer.close();
        }
    }

    @Override
    public String roleName()
    {
        return settings.name + "-poll";
    }

    void requestClose()
    {
        closeRequested = true;
    }

    KafkaMetrics metrics()
    {
        return metrics;
    }

    private void intake(final PartitionState state, final ConsumerRecord<byte[], byte[]> record)
    {
        if (state == null)
        {
            return; // not ours any more: its next owner fetches it again from the commit
        }
        final long ticket = state.tracker.track(record.offset());
        if (ticket == OffsetTracker.REFETCHED)
        {
            counters.skipped.incrementAndGet();
            return;
        }
        counters.recordsIn.incrementAndGet();
        if (state.completedByPrevious.contains(record.offset()))
        {
            state.tracker.complete(ticket, record.offset());
            counters.skipped.incrementAndGet();
            return;
        }
        scratch.topic = record.topic();
        scratch.partition = record.partition();
        scratch.offset = record.offset();
        scratch.timestamp = record.timestamp();
        scratch.key = record.key();
        scratch.value = record.value();
        scratch.headers = record.headers();
        scratch.attempt = 1;
        scratch.owner = state;
        scratch.ticket = ticket;
        scratch.journalKey = settings.journal == null ? null : record.topic() + "-" + record.partition() + "@" + record.offset();
        submit(scratch);
    }

    /** Publishes, or parks a copy behind the records already refused (the ring is full: intake pauses). */
    private void submit(final KafkaRecord record)
    {
        if (refused.isEmpty() && publish(record))
        {
            return;
        }
        final KafkaRecord copy = new KafkaRecord();
        copy.copyFrom(record);
        refused.add(copy);
        record.owner.parked++;
    }

    private boolean publish(final KafkaRecord record)
    {
        record.id = ++submissions;
        return engine.publish(COPY, record);
    }

    private int publishWaiting()
    {
        int work = 0;
        while (!refused.isEmpty())
        {
            final KafkaRecord next = refused.peek();
            if (!next.owner.isRevoked() && !publish(next))
            {
                break;
            }
            refused.poll();
            next.owner.parked--;
            work++;
        }
        final long now = System.nanoTime();
        Settlement due;
        while ((due = retries.due(now)) != null)
        {
            final KafkaRecord record = due.record;
            if (record.owner.isRevoked())
            {
                continue;
            }
            if (due.kind == Settlement.Kind.RESEND_DEAD_LETTER)
            {
                router.deadLetter(record, due.reason);
            }
            else
            {
                submit(record);
            }
            work++;
        }
        return work;
    }

    int applySettlements()
    {
        int work = 0;
        Settlement settlement;
        while ((settlement = settlements.poll()) != null)
        {
            work++;
            final KafkaRecord record = settlement.record;
            if (record.owner.isRevoked())
            {
                counters.lateDropped.incrementAndGet();
                continue;
            }
            switch (settlement.kind)
            {
                case DONE -> record.owner.tracker.complete(record.ticket, record.offset);
                case RETRY ->
                {
                    if (record.attempt >= settings.maxAttempts)
                    {
                        router.deadLetter(record, settlement.reason + " (gave up after " + record.attempt + " attempts)");
                    }
                    else
                    {
                        counters.retries.incrementAndGet();
                        retries.park(settlement, System.nanoTime());
                        record.attempt++;
                    }
                }
                case RESEND_DEAD_LETTER -> retries.park(settlement, System.nanoTime());
                default -> throw new IllegalStateException(settlement.kind.name());
            }
        }
        return work;
    }

    private void updatePauses()
    {
        final boolean ringFull = !refused.isEmpty();
        for (final PartitionState state : states.values())
        {
            final boolean pause = closeRequested || ringFull || state.tracker.pending() >= settings.maxInFlightPerPartition
                || state.tracker.span() >= settings.maxSpanPerPartition;
            if (pause != state.paused)
            {
                state.paused = pause;
                (pause ? toPause : toResume).add(state.partition);
            }
        }
        if (!toPause.isEmpty())
        {
            consumer.pause(toPause);
            counters.pauses.addAndGet(toPause.size());
            toPause.clear();
        }
        if (!toResume.isEmpty())
        {
            consumer.resume(toResume);
            toResume.clear();
        }
    }

    // ---- for the rebalance callbacks and the close, on this thread ----

    Map<TopicPartition, PartitionState> states()
    {
        return states;
    }

    Consumer<byte[], byte[]> consumer()
    {
        return consumer;
    }

    Commits commits()
    {
        return commits;
    }

    KafkaCounters counters()
    {
        return counters;
    }

    PartitionState newState(final TopicPartition partition)
    {
        return new PartitionState(partition, trackerCapacity);
    }

    Duration drainTimeout()
    {
        return settings.drainTimeout;
    }

    /** Applies settlements until the partitions' records in the engine or in a send are done, for at most the drain timeout. */
    void drain(final Collection<PartitionState> leaving)
    {
        final long deadline = System.nanoTime() + settings.drainTimeout.toNanos();
        drainIdle.reset();
        while (System.nanoTime() - deadline < 0 && inEngineOrSending(leaving) > 0)
        {
            drainIdle.idle(applySettlements());
        }
    }

    private static int inEngineOrSending(final Collection<PartitionState> leaving)
    {
        int total = 0;
        for (final PartitionState state : leaving)
        {
            total += state.inEngineOrSending();
        }
        return total;
    }

    private void closeDown()
    {
        updatePauses();
        final List<PartitionState> all = new ArrayList<>(states.values());
        drain(all);
        commits.commitSync(consumer, all);
        for (final PartitionState state : all)
        {
            state.revoke();
        }
        states.clear();
        publishMetrics();
    }

    private void publishMetrics()
    {
        metrics = KafkaMetrics.of(counters, states.values());
    }
}
