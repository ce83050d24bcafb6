package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.metrics.PerformanceReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * How batches are cut, observed through the real engine with a processor the test holds at a gate,
 * so which batches exist depends on the cutting rules and not on timing: budget and count bounds,
 * an oversized item alone, ranges in arrival order, priority lanes, aging, deadlines, close reasons.
 * Run for each dispatch; {@link CutterThreadCuttingTest} adds what only a cutter thread does.
 */
abstract class CuttingContract
{
    final GateProcessor processor = new GateProcessor();
    final OutcomeLog log = new OutcomeLog(10_000);

    abstract Dispatch dispatch();

    SpindleBuilder<TestItem> engine()
    {
        return Spindle.builder(TestItem::new, processor).listener(log).cost(item -> item.cost).workers(1).dispatch(dispatch())
            .maxLinger(Duration.ofHours(1)).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).jmx(false);
    }

    /** Lanes: a priority function (and deadlines) on top of {@link #engine()}. */
    SpindleBuilder<TestItem> lanes()
    {
        return engine().priority(item -> item.priority).deadline(item -> item.deadlineNanos);
    }

    static void publish(final Spindle<TestItem> spindle, final int id, final TestItem from)
    {
        assertTrue(spindle.publish(TestItem.COPY, id, from), "accepted " + id);
    }

    static TestItem cost(final double cost)
    {
        return TestItem.of(TestItem.PLAIN, cost, 50, DeadlineFunction.NO_DEADLINE);
    }

    static final TestItem BLOCKER = TestItem.of(TestItem.BLOCK, 0, 50, DeadlineFunction.NO_DEADLINE);

    @Test
    void batchesNeverExceedTheComplexityBudget() throws Exception
    {
        try (Spindle<TestItem> spindle = engine().complexityBudget(10).maxBatchItems(100).build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            for (int id = 1; id <= 30; id++)
            {
                publish(spindle, id, cost(3));
            }
            processor.open();
            log.awaitTotal(31, 10);
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
        try (Spindle<TestItem> spindle = engine().complexityBudget(10).maxBatchItems(100).build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            publish(spindle, 1, cost(2));
            publish(spindle, 2, cost(50));
            publish(spindle, 3, cost(2));
            processor.open();
            log.awaitTotal(4, 10);
        }
        final GateProcessor.Seen big = processor.batchOf(2);
        assertEquals(List.of(2), big.ids(), "an oversized item is a batch of its own: " + processor.batches);
        assertEquals(CloseReason.BUDGET, big.reason());
        assertEquals(Outcome.SUCCEEDED, log.entry(2).outcome());
    }

    @Test
    void batchesNeverExceedTheMaxItemCount() throws Exception
    {
        try (Spindle<TestItem> spindle = engine().complexityBudget(1e9).maxBatchItems(4).build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            for (int id = 1; id <= 20; id++)
            {
                publish(spindle, id, cost(0));
            }
            processor.open();
            log.awaitTotal(21, 10);
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
    void unitCostCountsItemsAgainstTheBudgetAndCutsRangesInArrivalOrder() throws Exception
    {
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, processor).listener(log).workers(1).dispatch(dispatch())
            .complexityBudget(5).maxBatchItems(100).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).jmx(false).build().start();
        publish(spindle, 0, BLOCKER);
        processor.awaitBlocked(1);
        for (int id = 1; id <= 23; id++)
        {
            publish(spindle, id, cost(1));
        }
        processor.open();
        log.awaitTotal(24, 10);
        spindle.close();
        final List<Integer> order = new ArrayList<>();
        for (final GateProcessor.Seen seen : processor.batches)
        {
            assertTrue(seen.ids().size() <= 5, "a budget of 5 under unit cost is 5 items: " + seen);
            assertEquals(seen.ids().size(), seen.complexity(), 0, "unit cost: complexity is the count: " + seen);
            order.addAll(seen.ids());
        }
        final List<Integer> arrival = new ArrayList<>();
        for (int id = 0; id <= 23; id++)
        {
            arrival.add(id);
        }
        assertEquals(arrival, order, "cut in place: batches are consecutive ranges in arrival order");
    }

    @Test
    void higherPriorityLanesGoFirst() throws Exception
    {
        try (Spindle<TestItem> spindle = lanes().complexityBudget(1000).maxBatchItems(1).build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            publish(spindle, 1, TestItem.of(TestItem.PLAIN, 1, 50, DeadlineFunction.NO_DEADLINE));
            publish(spindle, 2, TestItem.of(TestItem.PLAIN, 1, 70, DeadlineFunction.NO_DEADLINE));
            publish(spindle, 3, TestItem.of(TestItem.PLAIN, 1, 100, DeadlineFunction.NO_DEADLINE));
            publish(spindle, 4, TestItem.of(TestItem.PLAIN, 1, 80, DeadlineFunction.NO_DEADLINE));
            processor.open();
            log.awaitTotal(5, 10);
        }
        final List<Integer> order = new ArrayList<>();
        for (final GateProcessor.Seen seen : processor.batches)
        {
            order.addAll(seen.ids());
        }
        final int p100 = order.indexOf(3);
        final int p80 = order.indexOf(4);
        final int p70 = order.indexOf(2);
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
        assertFalse(lowPriorityFinishesUnderSustainedLoad(Duration.ofHours(1)), "without aging the low item should wait");
    }

    /** Keeps high-priority work queued for ~1.5 s and reports whether one low-priority item finished meanwhile. */
    private boolean lowPriorityFinishesUnderSustainedLoad(final Duration agingBound) throws Exception
    {
        final OutcomeLog outcomes = new OutcomeLog(1_000_000);
        final BatchProcessor<TestItem> slow = batch -> Thread.sleep(1);
        final TestItem high = TestItem.of(TestItem.PLAIN, 1, 100, DeadlineFunction.NO_DEADLINE);
        final boolean finishedUnderLoad;
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, slow).listener(outcomes).priority(item -> item.priority)
            .workers(1).dispatch(dispatch()).maxBatchItems(1).agingBound(agingBound).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER)
            .jmx(false).build().start())
        {
            int id = 1;
            for (; id <= 300; id++)
            {
                publish(spindle, id, high);
            }
            publish(spindle, 0, TestItem.of(TestItem.PLAIN, 1, 10, DeadlineFunction.NO_DEADLINE));
            final long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end && outcomes.entry(0) == null)
            {
                // Keep ~300 high items (~300 ms of work) waiting, so a strict-priority cutter always has a high item first.
                while (id - outcomes.total() < 300)
                {
                    publish(spindle, id++, high);
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
        try (Spindle<TestItem> spindle = lanes().complexityBudget(1000).maxBatchItems(100).deadlineSlack(Duration.ZERO).build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            publish(spindle, 1, TestItem.of(TestItem.PLAIN, 1, 50, System.nanoTime() + Duration.ofMillis(30).toNanos()));
            publish(spindle, 2, cost(1));
            // The worker is held: the item's deadline passes while it waits, and it is timed out then, not when the worker frees up.
            waitUntil(() -> log.entry(1) != null, "the expired item's outcome while every worker is busy");
            processor.open();
            log.awaitTotal(3, 10);
        }
        assertEquals(Outcome.TIMED_OUT, log.entry(1).outcome());
        assertTrue(log.entry(1).reason().contains("deadline"), log.entry(1).reason());
        assertNull(processor.batchOf(1), "an expired item is never processed");
        assertEquals(Outcome.SUCCEEDED, log.entry(2).outcome());
    }

    @Test
    void aNearDeadlineGoesFirstInABatchOfItsOwn() throws Exception
    {
        try (Spindle<TestItem> spindle = lanes().complexityBudget(1000).maxBatchItems(100).deadlineSlack(Duration.ofSeconds(10)).build().start())
        {
            publish(spindle, 0, BLOCKER);
            processor.awaitBlocked(1);
            publish(spindle, 1, cost(1));
            publish(spindle, 2, TestItem.of(TestItem.PLAIN, 1, 50, System.nanoTime() + Duration.ofSeconds(8).toNanos()));
            processor.open();
            log.awaitTotal(3, 10);
        }
        final GateProcessor.Seen urgent = processor.batchOf(2);
        assertEquals(CloseReason.DEADLINE, urgent.reason());
        assertEquals(List.of(2), urgent.ids(), "the urgent batch carries only the urgent item");
        assertTrue(processor.batches.indexOf(urgent) < processor.batches.indexOf(processor.batchOf(1)), "the urgent item goes first");
        assertEquals(Outcome.SUCCEEDED, log.entry(1).outcome());
    }

    @Test
    void aRunningBatchPastItsEarliestItemDeadlineIsTimedOut() throws Exception
    {
        final OutcomeLog outcomes = new OutcomeLog(10);
        final BatchProcessor<TestItem> hang = batch -> Thread.sleep(60_000);
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, hang).listener(outcomes).deadline(item -> item.deadlineNanos)
            .workers(1).dispatch(dispatch()).deadlineSlack(Duration.ZERO).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).jmx(false)
            .build().start();
        publish(spindle, 0, TestItem.of(TestItem.PLAIN, 1, 50, System.nanoTime() + Duration.ofMillis(200).toNanos()));
        outcomes.awaitTotal(1, 10);
        spindle.close();
        assertEquals(Outcome.TIMED_OUT, outcomes.entry(0).outcome());
        assertTrue(outcomes.entry(0).reason().contains("past its deadline"), outcomes.entry(0).reason());
        assertEquals(1, spindle.report().workersReplaced());
    }

    @Test
    void closeReasonsAccountForEveryBatch() throws Exception
    {
        final Spindle<TestItem> spindle = engine().complexityBudget(10).maxBatchItems(5).build().start();
        for (int id = 0; id < 200; id++)
        {
            publish(spindle, id, cost(id % 7));
        }
        log.awaitTotal(200, 10);
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

    @Test
    void aBurstIsSharedOutSoTheWorkersFinishTogether() throws Exception
    {
        final GateProcessor gate = new GateProcessor();
        final OutcomeLog outcomes = new OutcomeLog(1000);
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, gate).listener(outcomes).workers(2).dispatch(dispatch())
            .complexityBudget(1e9).maxBatchItems(1000).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).jmx(false).build().start())
        {
            publish(spindle, 0, BLOCKER);
            gate.awaitBlocked(1);
            for (int id = 1; id <= 400; id++)
            {
                publish(spindle, id, cost(1));
            }
            waitUntil(() -> gate.batches.size() >= 2, "the idle worker's share");
            gate.open();
            outcomes.awaitTotal(401, 10);
        }
        // The idle worker cuts a guided-self-scheduling share: what waits ÷ 2, not the whole burst.
        final GateProcessor.Seen share = gate.batches.get(1);
        assertTrue(share.ids().size() < 400, "the idle worker takes a share, not everything: " + share);
        assertTrue(share.ids().size() >= 1, "and at least one item: " + share);
    }

    static void waitUntil(final BooleanSupplier condition, final String what) throws InterruptedException
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
