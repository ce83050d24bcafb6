package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.spindle.engine.metrics.PerformanceReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's contract, run over every way it can be built (the JCTools way: one abstract suite,
 * a subclass per dispatch and way of cutting, each test over every wait mode, backpressure mode and
 * single/multi producer): every published item ends in exactly one outcome under random batch
 * failures, poison items and a hung item; close drains what was accepted and shutdownNow rejects
 * what had not started, both racing producers; producers blocked on a full ring come back; futures
 * see what the listener sees.
 */
abstract class EngineContract
{
    enum Cutting
    {
        /** Unit cost, one priority level: ring ranges cut in place, no item read by the cutter. */
        IN_PLACE,
        /** A cost function: ranges cut in place by the items' costs. */
        IN_PLACE_COSTED,
        /** A priority and a deadline function: items staged in lanes by ring position. */
        LANES
    }

    abstract Dispatch dispatch();

    abstract Cutting cutting();

    static Stream<Arguments> everyMode()
    {
        final List<Arguments> modes = new ArrayList<>();
        for (final WaitMode wait : WaitMode.values())
        {
            for (final Backpressure backpressure : List.of(Backpressure.BLOCK, Backpressure.TRY, Backpressure.timeout(Duration.ofMillis(5))))
            {
                modes.add(Arguments.of(wait, backpressure, 1));
                modes.add(Arguments.of(wait, backpressure, 4));
            }
        }
        return modes.stream();
    }

    static Stream<Arguments> manyProducers()
    {
        final List<Arguments> modes = new ArrayList<>();
        for (final WaitMode wait : WaitMode.values())
        {
            for (final Backpressure backpressure : List.of(Backpressure.BLOCK, Backpressure.TRY, Backpressure.timeout(Duration.ofMillis(5))))
            {
                modes.add(Arguments.of(wait, backpressure, 4));
            }
        }
        return modes.stream();
    }

    SpindleBuilder<TestItem> builder(final WaitMode wait, final Backpressure backpressure, final int producers,
        final BatchProcessor<TestItem> processor, final OutcomeListener<TestItem> listener)
    {
        final SpindleBuilder<TestItem> builder = Spindle.builder(TestItem::new, processor)
            .listener(listener)
            .workers(2)
            .dispatch(dispatch())
            .waitMode(wait)
            .backpressure(backpressure)
            .singleProducer(producers == 1)
            .ringSize(256)
            .maxBatchItems(16)
            .complexityBudget(40)
            .pinning(Pinning.NEVER)
            .jmx(false)
            .threadNamePrefix("contract-" + getClass().getSimpleName());
        switch (cutting())
        {
            case IN_PLACE_COSTED:
                builder.cost(item -> 1 + item.id % 4);
                break;
            case LANES:
                builder.priority(item -> item.priority).deadline(item -> item.deadlineNanos);
                break;
            case IN_PLACE:
            default:
                break;
        }
        return builder;
    }

    /** Throws on poison items, hangs on the hang item until interrupted, fails whole multi-item batches at random. */
    static final BatchProcessor<TestItem> CHAOS = batch ->
    {
        for (int i = 0; i < batch.size(); i++)
        {
            final TestItem item = batch.item(i);
            if (item.kind == TestItem.HANG)
            {
                new CountDownLatch(1).await(); // until the watchdog interrupts it
            }
            if (item.kind == TestItem.POISON)
            {
                throw new IllegalStateException("poison item " + item.id);
            }
        }
        if (batch.size() > 1 && ThreadLocalRandom.current().nextInt(40) == 0)
        {
            throw new RuntimeException("transient failure of the whole batch");
        }
        for (int i = 0; i < batch.size(); i++)
        {
            batch.succeed(i, batch.item(i).id);
        }
    };

    @ParameterizedTest(name = "{0} {1} producers={2}")
    @MethodSource("everyMode")
    void everyItemEndsInExactlyOneOutcomeUnderFaults(final WaitMode wait, final Backpressure backpressure, final int producers)
        throws Exception
    {
        final int perProducer = producers == 1 ? 6_000 : 2_000;
        final int total = producers * perProducer;
        final int hang = total / 3 + 1;
        final OutcomeLog log = new OutcomeLog(total);
        final AtomicReferenceArray<Boolean> accepted = new AtomicReferenceArray<>(total);
        final Spindle<TestItem> spindle = builder(wait, backpressure, producers, CHAOS, log)
            .batchTimeout(Duration.ofMillis(150)).build().start();
        runProducers(producers, p ->
        {
            for (int i = 0; i < perProducer; i++)
            {
                final int id = p * perProducer + i;
                final int kind = id == hang ? TestItem.HANG : id % 97 == 13 ? TestItem.POISON : TestItem.PLAIN;
                accepted.set(id, spindle.publish(TestItem.ID_KIND, id, kind));
            }
        });
        log.awaitTotal(total, 60);
        closeFrom(spindle, producers);

        log.assertExactlyOnce(total);
        final PerformanceReport report = spindle.report();
        assertEquals(total, report.submitted(), "submitted");
        assertEquals(total, report.completed(), "completed");
        assertEquals(0, report.inFlight());
        for (int id = 0; id < total; id++)
        {
            final OutcomeLog.Entry entry = log.entry(id);
            if (!accepted.get(id))
            {
                assertEquals(Outcome.REJECTED, entry.outcome(), "a refused publish is REJECTED: " + entry);
                continue;
            }
            if (id == hang)
            {
                assertEquals(Outcome.TIMED_OUT, entry.outcome(), "the hung item: " + entry);
            }
            else if (id % 97 == 13)
            {
                assertTrue(entry.outcome() == Outcome.FAILED || entry.outcome() == Outcome.TIMED_OUT, "poison: " + entry);
            }
            else if (entry.outcome() != Outcome.TIMED_OUT)
            {
                assertEquals(Outcome.SUCCEEDED, entry.outcome(), "item " + id + ": " + entry);
                assertEquals(id, entry.result());
            }
        }
        if (accepted.get(hang))
        {
            assertEquals(1, report.workersReplaced(), "the hung worker is replaced once");
        }
        assertEquals(2, report.workers(), "the pool keeps its size");
    }

    @ParameterizedTest(name = "{0} {1} producers={2}")
    @MethodSource("manyProducers")
    void closeRacingProducersDrainsWhatWasAccepted(final WaitMode wait, final Backpressure backpressure, final int producers)
        throws Exception
    {
        raceLifecycle(wait, backpressure, producers, false);
    }

    @ParameterizedTest(name = "{0} {1} producers={2}")
    @MethodSource("manyProducers")
    void shutdownNowRacingProducersRejectsWhatHadNotStarted(final WaitMode wait, final Backpressure backpressure, final int producers)
        throws Exception
    {
        raceLifecycle(wait, backpressure, producers, true);
    }

    private void raceLifecycle(final WaitMode wait, final Backpressure backpressure, final int producers, final boolean now)
        throws Exception
    {
        final int perProducer = 50_000;
        final int total = producers * perProducer;
        final OutcomeLog log = new OutcomeLog(total);
        final AtomicInteger[] published = new AtomicInteger[producers];
        final AtomicReferenceArray<Boolean> accepted = new AtomicReferenceArray<>(total);
        final BatchProcessor<TestItem> ok = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                batch.succeed(i, null);
            }
        };
        final Spindle<TestItem> spindle = builder(wait, backpressure, producers, ok, log).build().start();
        final CountDownLatch started = new CountDownLatch(producers);
        final List<Thread> threads = startProducers(producers, p ->
        {
            published[p] = new AtomicInteger();
            started.countDown();
            for (int i = 0; i < perProducer; i++)
            {
                final int id = p * perProducer + i;
                final boolean in = spindle.publish(TestItem.ID, id);
                accepted.set(id, in);
                published[p].incrementAndGet();
                if (!in && backpressure == Backpressure.BLOCK)
                {
                    return; // refused under BLOCK only once the engine is closed: everything after would be too
                }
            }
        });
        started.await(10, TimeUnit.SECONDS);
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
        if (now)
        {
            spindle.shutdownNow();
        }
        else
        {
            spindle.close();
        }
        join(threads);
        int sent = 0;
        for (int p = 0; p < producers; p++)
        {
            sent += published[p].get();
        }
        log.awaitTotal(sent, 30);
        assertEquals(sent, log.total(), "one outcome per publish, none for what was never published");
        for (int p = 0; p < producers; p++)
        {
            for (int i = 0; i < published[p].get(); i++)
            {
                final int id = p * perProducer + i;
                final OutcomeLog.Entry entry = log.entry(id);
                if (entry == null)
                {
                    fail("no outcome for published item " + id);
                }
                if (!accepted.get(id))
                {
                    assertEquals(Outcome.REJECTED, entry.outcome(), "refused: " + entry);
                }
                else if (now)
                {
                    assertTrue(entry.outcome() == Outcome.SUCCEEDED || entry.outcome() == Outcome.REJECTED, "accepted: " + entry);
                }
                else
                {
                    assertEquals(Outcome.SUCCEEDED, entry.outcome(), "close drains what it accepted: " + entry);
                }
            }
        }
        final PerformanceReport report = spindle.report();
        assertEquals(sent, report.completed());
        assertEquals(0, report.inFlight());
        assertFalse(spindle.publish(TestItem.ID, 0), "a closed engine refuses");
    }

    @ParameterizedTest(name = "{0} {1} producers={2}")
    @MethodSource("manyProducers")
    void producersBlockedOnAFullRingComeBackWhenTheEngineStops(final WaitMode wait, final Backpressure backpressure, final int producers)
        throws Exception
    {
        final int perProducer = 200;
        final int total = producers * perProducer + 1;
        final OutcomeLog log = new OutcomeLog(total);
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch blocked = new CountDownLatch(1);
        final BatchProcessor<TestItem> gated = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                if (batch.item(i).kind == TestItem.BLOCK)
                {
                    blocked.countDown();
                    gate.await();
                }
            }
        };
        final Spindle<TestItem> spindle = builder(wait, backpressure, producers, gated, log).workers(1).build().start();
        assertTrue(spindle.publish(TestItem.ID_KIND, total - 1, TestItem.BLOCK));
        assertTrue(blocked.await(10, TimeUnit.SECONDS), "the gated batch started");
        final List<Thread> threads = startProducers(producers, p ->
        {
            for (int i = 0; i < perProducer; i++)
            {
                spindle.publish(TestItem.ID, p * perProducer + i);
            }
        });
        Thread.sleep(50); // the ring (256) fills behind the gated batch; BLOCK producers wait, the others are refused
        final Thread stopper = new Thread(spindle::shutdownNow, "stopper");
        stopper.start();
        Thread.sleep(20);
        gate.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(stopper.isAlive(), "shutdownNow returned");
        join(threads);
        log.awaitTotal(total, 30);
        log.assertExactlyOnce(total);
        assertEquals(Outcome.SUCCEEDED, log.entry(total - 1).outcome(), "the running batch finished");
    }

    @ParameterizedTest(name = "{0} {1} producers={2}")
    @MethodSource("manyProducers")
    void futuresSeeWhatTheListenerSees(final WaitMode wait, final Backpressure backpressure, final int producers) throws Exception
    {
        final int total = 2_000;
        final OutcomeLog log = new OutcomeLog(total);
        final Spindle<TestItem> spindle = builder(wait, backpressure, producers, CHAOS, log).build().start();
        final List<CompletableFuture<ItemResult>> futures = new ArrayList<>();
        for (int id = 0; id < total; id++)
        {
            futures.add(spindle.publishAsync(TestItem.ID, id));
        }
        for (int id = 0; id < total; id++)
        {
            final ItemResult result = futures.get(id).get(30, TimeUnit.SECONDS);
            final OutcomeLog.Entry entry = log.entry(id);
            assertEquals(entry.outcome(), result.outcome(), "item " + id);
            assertEquals(entry.reason(), result.reason(), "item " + id);
        }
        spindle.close();
        log.assertExactlyOnce(total);
    }

    /** The single producer's contract: close from the publishing thread (here: after it finished). */
    private static void closeFrom(final Spindle<TestItem> spindle, final int producers)
    {
        spindle.close();
    }

    @FunctionalInterface
    interface Producer
    {
        void run(int p) throws Exception;
    }

    static void runProducers(final int producers, final Producer body) throws InterruptedException
    {
        join(startProducers(producers, body));
    }

    static List<Thread> startProducers(final int producers, final Producer body)
    {
        final List<Thread> threads = new ArrayList<>();
        final AtomicBoolean failed = new AtomicBoolean();
        for (int p = 0; p < producers; p++)
        {
            final int index = p;
            final Thread thread = new Thread(() ->
            {
                try
                {
                    body.run(index);
                }
                catch (final Exception | AssertionError e)
                {
                    failed.set(true);
                    throw new RuntimeException(e);
                }
            }, "producer-" + p);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return threads;
    }

    static void join(final List<Thread> threads) throws InterruptedException
    {
        for (final Thread thread : threads)
        {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            if (thread.isAlive())
            {
                fail(thread.getName() + " did not finish: " + List.of(thread.getStackTrace()));
            }
        }
    }
}
