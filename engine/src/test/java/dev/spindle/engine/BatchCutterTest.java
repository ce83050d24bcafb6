package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The cutter's bounds and close reasons, observed through the real engine with a processor the
 * test holds at a gate, so which batches exist depends on the cutter's rules and not on timing.
 */
class BatchCutterTest
{
    /** Complexity = the item's size in bytes, so tests choose it directly. */
    private static final ComplexityScorer SIZE_IS_COMPLEXITY = Item::sizeBytes;

    private final GateProcessor processor = new GateProcessor();
    private final OutcomeLog log = new OutcomeLog(10_000);

    private SpindleBuilder engine()
    {
        return Spindle.builder(processor).listener(log).complexityScorer(SIZE_IS_COMPLEXITY).workers(1)
            .maxLinger(Duration.ofHours(1)).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER);
    }

    private static WorkItem item(final long id, final long complexity)
    {
        return new WorkItem().id(id).key("item-" + id).sizeBytes(complexity);
    }

    private static WorkItem blocker(final long id)
    {
        return new WorkItem().id(id).key("block").sizeBytes(0);
    }

    @Test
    void batchesNeverExceedTheComplexityBudget() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(10).maxBatchItems(100).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(31);
            for (int id = 1; id <= 30; id++)
            {
                spindle.submit(item(id, 3));
            }
            processor.open();
            log.await(10);
        }
        log.assertExactlyOnce(31);
        int fullBatches = 0;
        for (final GateProcessor.Seen seen : processor.batches)
        {
            assertTrue(seen.complexity() <= 10, "batch over budget: " + seen);
            if (seen.reason() == CloseReason.BUDGET)
            {
                assertEquals(3, seen.ids().size(), "a budget-closed batch of 3-unit items holds 3: " + seen);
                fullBatches++;
            }
        }
        assertTrue(fullBatches >= 9, "30 items of 3 units under a budget of 10 make at least 9 full batches, got " + processor.batches);
    }

    @Test
    void anItemAboveTheBudgetGoesAlone() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(10).maxBatchItems(100).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(4);
            spindle.submit(item(1, 2));
            spindle.submit(item(2, 50));
            spindle.submit(item(3, 2));
            processor.open();
            log.await(10);
        }
        final GateProcessor.Seen big = processor.batchOf(2);
        assertEquals(1, big.ids().size(), "an oversized item is a batch of its own: " + processor.batches);
        assertEquals(CloseReason.BUDGET, big.reason());
        assertEquals(Outcome.SUCCEEDED, log.entry(2).outcome());
    }

    @Test
    void batchesNeverExceedTheMaxItemCount() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(1e9).maxBatchItems(4).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(21);
            for (int id = 1; id <= 20; id++)
            {
                spindle.submit(item(id, 0));
            }
            processor.open();
            log.await(10);
        }
        int countClosed = 0;
        for (final GateProcessor.Seen seen : processor.batches)
        {
            assertTrue(seen.ids().size() <= 4, "batch over the count: " + seen);
            if (seen.reason() == CloseReason.COUNT)
            {
                assertEquals(4, seen.ids().size());
                countClosed++;
            }
        }
        assertTrue(countClosed >= 4, "20 items at 4 per batch make at least 4 count-closed batches: " + processor.batches);
    }

    @Test
    void lingerClosesAPartialBatchWhileEveryWorkerIsBusy() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(1000).maxBatchItems(100).maxLinger(Duration.ofMillis(20)).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(3);
            spindle.submit(item(1, 1));
            spindle.submit(item(2, 1));
            // The worker is held at the gate, so only the linger bound can close this batch.
            waitUntil(() -> spindle.report().closeReasons().get(CloseReason.LINGER) == 1, "a LINGER close");
            processor.open();
            log.await(10);
        }
        final GateProcessor.Seen lingered = processor.batchOf(1);
        assertEquals(CloseReason.LINGER, lingered.reason());
        assertEquals(2, lingered.ids().size(), "both staged items share the lingering batch");
    }

    @Test
    void aFullBatchWaitsBehindTheBusyWorkerAndIsRejectedUnstartedByShutdownNow() throws Exception
    {
        // Budget 3, items of 1: with the worker held, the cutter's linger look stages the 30 items and closes full batches
        // ahead; with plenty more staged, the first goes straight into the worker's second mailbox.
        final Spindle spindle = engine().complexityBudget(3).maxBatchItems(100).maxLinger(Duration.ofMillis(20)).build().start();
        spindle.submit(blocker(0));
        processor.awaitBlocked(1);
        log.expect(31);
        for (int id = 1; id <= 30; id++)
        {
            spindle.submit(item(id, 1));
        }
        waitUntil(() -> spindle.report().closeReasons().get(CloseReason.BUDGET) >= 2, "full batches closed ahead");
        final Thread stopper = new Thread(spindle::shutdownNow);
        stopper.start();
        Thread.sleep(50);
        processor.open();
        stopper.join(10_000);

        log.assertExactlyOnce(31);
        assertEquals(Outcome.SUCCEEDED, log.entry(0).outcome(), "the running batch finishes");
        assertEquals(1, processor.batches.size(), "nothing else starts: " + processor.batches);
        int rejectedByTheWorker = 0;
        for (long id = 1; id <= 30; id++)
        {
            final OutcomeLog.Entry entry = log.entry(id);
            assertEquals(Outcome.REJECTED, entry.outcome(), "item " + id);
            rejectedByTheWorker += entry.thread().contains("-worker-") ? 1 : 0;
        }
        assertEquals(3, rejectedByTheWorker, "the full batch queued behind the held one is the worker's to reject");
    }

    @Test
    void higherPriorityLanesGoFirst() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(1000).maxBatchItems(1).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(5);
            spindle.submit(item(1, 1).sizeBytes(20_000));                                              // 50
            spindle.submit(item(2, 1).sizeBytes(20_000).flag(Item.RECENTLY_ACCESSED, true));            // 70
            spindle.submit(item(3, 1).sizeBytes(20_000).flag(Item.USER_REQUESTED, true).flag(Item.RECENTLY_ACCESSED, true)); // 100
            spindle.submit(item(4, 1).sizeBytes(20_000).flag(Item.USER_REQUESTED, true));              // 80
            processor.open();
            log.await(10);
        }
        // One batch was already queued behind the blocker when the rest arrived; after it, strict lane order.
        final java.util.List<Long> order = new java.util.ArrayList<>();
        for (final GateProcessor.Seen seen : processor.batches)
        {
            order.addAll(seen.ids());
        }
        final int p100 = order.indexOf(3L);
        final int p80 = order.indexOf(4L);
        final int p70 = order.indexOf(2L);
        assertTrue(p100 < p80 && p80 < p70, "lanes by priority, got " + order);
    }

    @Test
    void agingPromotesALowPriorityItemSoItCannotStarve() throws Exception
    {
        assertTrue(lowPriorityFinishesUnderSustainedLoad(Duration.ofMillis(30)), "with aging the low item must finish under load");
    }

    @Test
    void withoutAgingTheSameLoadStarvesTheLowPriorityItem() throws Exception
    {
        // The control for the test above: it proves the load really does starve a low lane.
        assertTrue(!lowPriorityFinishesUnderSustainedLoad(Duration.ofHours(1)), "without aging the low item should wait");
    }

    /** Keeps high-priority work queued for ~1.5 s and reports whether one low-priority item finished meanwhile. */
    private boolean lowPriorityFinishesUnderSustainedLoad(final Duration agingBound) throws Exception
    {
        final OutcomeLog outcomes = new OutcomeLog(1_000_000);
        final BatchProcessor slow = batch -> Thread.sleep(1);
        boolean finishedUnderLoad;
        try (Spindle spindle = Spindle.builder(slow).listener(outcomes).workers(1).maxBatchItems(1).agingBound(agingBound)
            .waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).build().start())
        {
            final WorkItem high = new WorkItem().key("high").sizeBytes(20_000).flag(Item.USER_REQUESTED, true);
            int id = 1;
            for (; id <= 300; id++)
            {
                spindle.submit(high.id(id));
            }
            spindle.submit(new WorkItem().id(0).key("low").sizeBytes(20_000));
            final long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end && outcomes.entry(0) == null)
            {
                // Keep ~300 high items (~300 ms of work) waiting, so even a badly delayed refill
                // leaves a strict-priority cutter with high items to take before the low one.
                while (id - outcomes.total() < 300)
                {
                    spindle.submit(high.id(id++));
                }
                Thread.sleep(1);
            }
            finishedUnderLoad = outcomes.entry(0) != null;
        }
        assertEquals(Outcome.SUCCEEDED, outcomes.entry(0).outcome(), "the low item completes in the end either way");
        return finishedUnderLoad;
    }

    @Test
    void anItemPastItsDeadlineTimesOutWithoutRunning() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(1000).maxBatchItems(100).deadlineSlack(Duration.ZERO).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(3);
            spindle.submit(item(1, 1).deadlineIn(Duration.ofMillis(30)));
            spindle.submit(item(2, 1));
            Thread.sleep(100);
            processor.open();
            log.await(10);
        }
        assertEquals(Outcome.TIMED_OUT, log.entry(1).outcome());
        assertTrue(log.entry(1).reason().contains("deadline"), log.entry(1).reason());
        assertEquals(null, processor.batchOf(1), "an expired item is never processed");
        assertEquals(Outcome.SUCCEEDED, log.entry(2).outcome());
    }

    @Test
    void aNearDeadlineClosesABatchEarly() throws Exception
    {
        try (Spindle spindle = engine().complexityBudget(1000).maxBatchItems(100).deadlineSlack(Duration.ofSeconds(5)).build().start())
        {
            spindle.submit(blocker(0));
            processor.awaitBlocked(1);
            log.expect(3);
            spindle.submit(item(1, 1));
            spindle.submit(item(2, 1).deadlineIn(Duration.ofSeconds(8)));
            waitUntil(() -> spindle.report().closeReasons().get(CloseReason.DEADLINE) == 1, "a DEADLINE close");
            processor.open();
            log.await(10);
        }
        final GateProcessor.Seen urgent = processor.batchOf(2);
        assertEquals(CloseReason.DEADLINE, urgent.reason());
        assertEquals(java.util.List.of(2L), urgent.ids(), "the urgent batch carries only the urgent item");
        assertEquals(Outcome.SUCCEEDED, log.entry(1).outcome());
    }

    @Test
    void closeReasonsAccountForEveryBatch() throws Exception
    {
        final Spindle spindle = engine().complexityBudget(10).maxBatchItems(5).build().start();
        log.expect(200);
        for (int id = 0; id < 200; id++)
        {
            spindle.submit(item(id, id % 7));
        }
        log.await(10);
        spindle.close();
        final PerformanceReport report = spindle.report();
        long total = 0;
        for (final long n : report.closeReasons().values())
        {
            total += n;
        }
        assertEquals(report.batches(), total);
        assertEquals(processor.batches.size(), report.batches());
    }

    static void waitUntil(final java.util.function.BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > end)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }
}
