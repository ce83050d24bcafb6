package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** close() drains, shutdownNow() rejects, both are idempotent, and neither loses an item. */
class LifecycleTest
{
    private final GateProcessor processor = new GateProcessor();
    private final OutcomeLog log = new OutcomeLog(2_000_000);

    private SpindleBuilder engine()
    {
        return Spindle.builder(processor).listener(log).workers(1).maxBatchItems(4).complexityBudget(1e9)
            .waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER);
    }

    @Test
    void closeDrainsEverythingAcceptedThenRejectsNewItems() throws Exception
    {
        final Spindle spindle = engine().build().start();
        spindle.submit(new WorkItem().id(0).key("block"));
        processor.awaitBlocked(1);
        for (int id = 1; id < 100; id++)
        {
            assertTrue(spindle.submit(new WorkItem().id(id).key("k")));
        }
        final Thread closer = new Thread(spindle::close);
        closer.start();
        Thread.sleep(50);
        assertTrue(closer.isAlive(), "close waits for the accepted items");
        processor.open();
        closer.join(10_000);
        assertFalse(closer.isAlive());

        assertFalse(spindle.submit(new WorkItem().id(100).key("late")));
        log.assertExactlyOnce(101);
        assertEquals(100, log.count(Outcome.SUCCEEDED));
        assertEquals(Outcome.REJECTED, log.entry(100).outcome());
        assertTrue(log.entry(100).reason().contains("closed"));
        spindle.close();
        spindle.shutdownNow();
        assertEquals(101, spindle.report().completed());
    }

    @Test
    void shutdownNowFinishesRunningBatchesAndRejectsTheRest() throws Exception
    {
        final Spindle spindle = engine().build().start();
        spindle.submit(new WorkItem().id(0).key("block"));
        processor.awaitBlocked(1);
        for (int id = 1; id < 100; id++)
        {
            spindle.submit(new WorkItem().id(id).key("k"));
        }
        final Thread stopper = new Thread(spindle::shutdownNow);
        stopper.start();
        Thread.sleep(50);
        processor.open();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());

        log.assertExactlyOnce(100);
        assertEquals(Outcome.SUCCEEDED, log.entry(0).outcome(), "the running batch finishes");
        assertTrue(log.count(Outcome.REJECTED) >= 90, "nearly everything else is rejected: " + log.count(Outcome.REJECTED));
        assertEquals(100, log.count(Outcome.SUCCEEDED) + log.count(Outcome.REJECTED));
        for (long id = 0; id < 100; id++)
        {
            final OutcomeLog.Entry entry = log.entry(id);
            if (entry.outcome() == Outcome.REJECTED)
            {
                assertTrue(entry.reason().contains("shut down"), entry.reason());
            }
        }
    }

    @Test
    void closeOnAnEngineNeverStartedStillProcessesWhatWasSubmitted() throws Exception
    {
        final Spindle spindle = engine().build();
        for (int id = 0; id < 10; id++)
        {
            spindle.submit(new WorkItem().id(id).key("k"));
        }
        spindle.close();
        log.assertExactlyOnce(10);
        assertEquals(10, log.count(Outcome.SUCCEEDED));
    }

    @Test
    void producersRacingCloseOrShutdownNeverLoseAnItem() throws Exception
    {
        for (final boolean drain : new boolean[] {true, false})
        {
            final OutcomeLog outcomes = new OutcomeLog(4_000_000);
            final Spindle spindle = Spindle.builder(batch -> { }).listener(outcomes).workers(2).ringSize(256)
                .waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).build().start();
            final AtomicInteger nextId = new AtomicInteger();
            final AtomicBoolean stop = new AtomicBoolean();
            final List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 4; p++)
            {
                final Thread producer = new Thread(() ->
                {
                    final WorkItem item = new WorkItem().key("k");
                    while (!stop.get())
                    {
                        final int id = nextId.getAndIncrement();
                        if (id >= 3_900_000)
                        {
                            return;
                        }
                        spindle.submit(item.id(id));
                    }
                });
                producers.add(producer);
                producer.start();
            }
            Thread.sleep(300);
            if (drain)
            {
                spindle.close();
            }
            else
            {
                spindle.shutdownNow();
            }
            Thread.sleep(50); // producers keep submitting into a closed engine for a while
            stop.set(true);
            for (final Thread producer : producers)
            {
                producer.join();
            }
            final int submitted = Math.min(nextId.get(), 3_900_000);
            outcomes.assertExactlyOnce(submitted);
            assertTrue(outcomes.count(Outcome.REJECTED) > 0, "some submissions raced the close");
            final PerformanceReport report = spindle.report();
            assertEquals(submitted, report.submitted(), (drain ? "close" : "shutdownNow") + ": submitted");
            assertEquals(submitted, report.completed(), (drain ? "close" : "shutdownNow") + ": completed");
            if (drain)
            {
                assertEquals(0, outcomes.count(Outcome.FAILED) + outcomes.count(Outcome.TIMED_OUT));
            }
        }
    }

    @Test
    void futuresCompleteWithTheOutcome() throws Exception
    {
        final Spindle spindle = Spindle.builder(batch -> batch.succeed(0, "done")).maxBatchItems(1).workers(1)
            .pinning(Pinning.NEVER).build().start();
        final CompletableFuture<ItemResult> future = spindle.submitAsync(new WorkItem().id(7).key("seven"));
        final ItemResult result = future.get(10, TimeUnit.SECONDS);
        assertEquals(new ItemResult(7, "seven", Outcome.SUCCEEDED, "done", null), result);
        spindle.close();
        final ItemResult late = spindle.submitAsync(new WorkItem().id(8).key("eight")).get(1, TimeUnit.SECONDS);
        assertEquals(Outcome.REJECTED, late.outcome());
    }

    @Test
    void watchdogTimesOutAHungBatchAndReplacesItsWorker() throws Exception
    {
        final AtomicInteger hangs = new AtomicInteger();
        final BatchProcessor hangsOnce = batch ->
        {
            if ("hang".equals(batch.item(0).key()) && hangs.getAndIncrement() == 0)
            {
                while (true)
                {
                    Thread.onSpinWait(); // ignores interrupts: the watchdog must cope with that too
                    if (batch.isAbandoned())
                    {
                        return;
                    }
                }
            }
        };
        try (Spindle spindle = Spindle.builder(hangsOnce).listener(log).workers(1).maxBatchItems(1)
            .batchTimeout(Duration.ofMillis(200)).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).build().start())
        {
            log.expect(11);
            spindle.submit(new WorkItem().id(0).key("hang"));
            for (int id = 1; id <= 10; id++)
            {
                spindle.submit(new WorkItem().id(id).key("k"));
            }
            log.await(10);
            assertEquals(1, spindle.report().workersReplaced());
            assertEquals(1, spindle.workers());
        }
        log.assertExactlyOnce(11);
        assertEquals(Outcome.TIMED_OUT, log.entry(0).outcome());
        assertEquals("spindle-watchdog", log.entry(0).thread());
        assertEquals(10, log.count(Outcome.SUCCEEDED), "the replacement worker carries on");
    }

    @Test
    void anItemDeadlineBoundsARunningBatch() throws Exception
    {
        final BatchProcessor slow = batch -> Thread.sleep(10_000);
        try (Spindle spindle = Spindle.builder(slow).listener(log).workers(1).batchTimeout(Duration.ofMinutes(1))
            .deadlineSlack(Duration.ZERO).pinning(Pinning.NEVER).build().start())
        {
            log.expect(1);
            spindle.submit(new WorkItem().id(0).key("slow").deadlineIn(Duration.ofMillis(300)));
            log.await(5);
        }
        assertEquals(Outcome.TIMED_OUT, log.entry(0).outcome());
    }
}
