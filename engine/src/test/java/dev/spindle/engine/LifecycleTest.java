package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * close() drains and waits, shutdownNow() rejects what has not started, both are idempotent; a
 * stuck processor is abandoned without stopping the ring: it keeps reading its own items while the
 * ring wraps past them.
 */
class LifecycleTest
{
    private final GateProcessor processor = new GateProcessor();
    private final OutcomeLog log = new OutcomeLog(100_000);

    private SpindleBuilder<TestItem> engine(final Dispatch dispatch)
    {
        return Spindle.builder(TestItem::new, processor).listener(log).workers(1).dispatch(dispatch).maxBatchItems(4)
            .complexityBudget(1e9).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).jmx(false);
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void closeWaitsForEverythingAcceptedThenRefusesNewItems(final Dispatch dispatch) throws Exception
    {
        final Spindle<TestItem> spindle = engine(dispatch).build().start();
        assertTrue(spindle.publish(TestItem.ID_KIND, 0, TestItem.BLOCK));
        processor.awaitBlocked(1);
        for (int id = 1; id < 100; id++)
        {
            assertTrue(spindle.publish(TestItem.ID, id));
        }
        final Thread closer = new Thread(spindle::close);
        closer.start();
        Thread.sleep(50);
        assertTrue(closer.isAlive(), "close waits for the accepted items");
        processor.open();
        closer.join(10_000);
        assertFalse(closer.isAlive());

        assertFalse(spindle.publish(TestItem.ID, 100));
        log.assertExactlyOnce(101);
        assertEquals(100, log.count(Outcome.SUCCEEDED));
        assertEquals(Outcome.REJECTED, log.entry(100).outcome());
        assertTrue(log.entry(100).reason().contains("closed"), log.entry(100).reason());
        spindle.close();
        spindle.shutdownNow();
        assertEquals(101, spindle.report().completed());
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void shutdownNowFinishesTheRunningBatchAndRejectsTheRest(final Dispatch dispatch) throws Exception
    {
        final Spindle<TestItem> spindle = engine(dispatch).build().start();
        spindle.publish(TestItem.ID_KIND, 0, TestItem.BLOCK);
        processor.awaitBlocked(1);
        for (int id = 1; id < 100; id++)
        {
            spindle.publish(TestItem.ID, id);
        }
        final Thread stopper = new Thread(spindle::shutdownNow);
        stopper.start();
        Thread.sleep(50);
        processor.open();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());

        log.assertExactlyOnce(100);
        assertEquals(Outcome.SUCCEEDED, log.entry(0).outcome(), "the running batch finishes");
        assertEquals(99, log.count(Outcome.REJECTED), "nothing else starts");
        for (int id = 1; id < 100; id++)
        {
            assertTrue(log.entry(id).reason().contains("shut down"), log.entry(id).reason());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void closeOnAnEngineNeverStartedStillProcessesWhatWasPublished(final Dispatch dispatch) throws Exception
    {
        final Spindle<TestItem> spindle = engine(dispatch).build();
        for (int id = 0; id < 10; id++)
        {
            assertTrue(spindle.publish(TestItem.ID, id));
        }
        spindle.close();
        log.assertExactlyOnce(10);
        assertEquals(10, log.count(Outcome.SUCCEEDED));
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void futuresCompleteWithTheProcessorsResult(final Dispatch dispatch) throws Exception
    {
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> batch.succeed(0, "done " + batch.item(0).id))
            .maxBatchItems(1).workers(1).dispatch(dispatch).pinning(Pinning.NEVER).jmx(false).build().start();
        final CompletableFuture<ItemResult> future = spindle.publishAsync(TestItem.ID, 7);
        assertEquals(new ItemResult(Outcome.SUCCEEDED, "done 7", null), future.get(10, TimeUnit.SECONDS));
        spindle.close();
        final ItemResult late = spindle.publishAsync(TestItem.ID, 8).get(1, TimeUnit.SECONDS);
        assertEquals(Outcome.REJECTED, late.outcome());
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void aStuckProcessorKeepsItsItemsWhileTheRingWrapsPastThem(final Dispatch dispatch) throws Exception
    {
        final int ring = 64;
        final AtomicBoolean release = new AtomicBoolean();
        final AtomicInteger seenAfterAbandon = new AtomicInteger(-1);
        final CountDownLatch stuckBackAgain = new CountDownLatch(1);
        final BatchProcessor<TestItem> stuck = batch ->
        {
            if (batch.item(0).kind != TestItem.HANG)
            {
                return;
            }
            while (!release.get())
            {
                Thread.onSpinWait(); // ignores interrupts and isAbandoned(): the worst kind of processor
            }
            seenAfterAbandon.set(batch.item(0).id); // long after its slot was reused by later items
            stuckBackAgain.countDown();
        };
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, stuck).listener(log).workers(1).dispatch(dispatch)
            .ringSize(ring).maxBatchItems(1).batchTimeout(Duration.ofMillis(100)).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER)
            .jmx(false).build().start();
        assertTrue(spindle.publish(TestItem.ID_KIND, 0, TestItem.HANG));
        final int total = 1 + ring * 5;
        for (int id = 1; id < total; id++)
        {
            assertTrue(spindle.publish(TestItem.ID, id), "the ring keeps moving past the stuck batch: " + id);
        }
        log.awaitTotal(total, 20);
        release.set(true);
        assertTrue(stuckBackAgain.await(10, TimeUnit.SECONDS));
        spindle.close();

        log.assertExactlyOnce(total);
        assertEquals(Outcome.TIMED_OUT, log.entry(0).outcome());
        assertEquals(total - 1, log.count(Outcome.SUCCEEDED), "the replacement worker carries on");
        assertEquals(0, seenAfterAbandon.get(), "the stuck processor still reads its own item, not a later one in its slot");
        assertEquals(1, spindle.report().workersReplaced());
        assertEquals(1, spindle.workers());
    }
}
