package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Poison items are found by bisection; bad scores, translators, processors and listeners never cost other items. */
class FaultIsolationTest
{
    private final GateProcessor gate = new GateProcessor();
    private final OutcomeLog log = new OutcomeLog(1000);

    @Test
    void bisectionIsolatesEveryPoisonItemInABatch() throws Exception
    {
        final Set<Integer> poison = Set.of(3, 11, 12);
        final AtomicInteger calls = new AtomicInteger();
        final BatchProcessor<TestItem> processor = batch ->
        {
            calls.incrementAndGet();
            gate.process(batch);
            for (int i = 0; i < batch.size(); i++)
            {
                if (poison.contains(batch.item(i).id))
                {
                    throw new IllegalArgumentException("cannot digest item-" + batch.item(i).id);
                }
            }
        };
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, processor).listener(log).workers(1).maxBatchItems(16)
            .complexityBudget(1e9).pinning(Pinning.NEVER).jmx(false).build().start())
        {
            spindle.publish(TestItem.ID_KIND, 100, TestItem.BLOCK);
            gate.awaitBlocked(1);
            for (int id = 0; id < 16; id++)
            {
                spindle.publish(TestItem.ID, id);
            }
            gate.open();
            log.awaitTotal(17, 10);
        }
        for (int id = 0; id < 16; id++)
        {
            final OutcomeLog.Entry entry = log.entry(id);
            if (poison.contains(id))
            {
                assertEquals(Outcome.FAILED, entry.outcome());
                assertEquals("processor threw java.lang.IllegalArgumentException: cannot digest item-" + id, entry.reason());
            }
            else
            {
                assertEquals(Outcome.SUCCEEDED, entry.outcome(), "item " + id);
            }
        }
        assertTrue(calls.get() < 16 * 2, "bisection, not one call per item per level: " + calls.get());
    }

    @Test
    void explicitPerItemFailuresKeepTheirReason() throws Exception
    {
        final BatchProcessor<TestItem> processor = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                if (batch.item(i).id % 2 == 0)
                {
                    batch.fail(i, "even ids are not welcome");
                }
                else
                {
                    batch.succeed(i, "ok " + batch.item(i).id);
                }
            }
        };
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, processor).listener(log).workers(2).pinning(Pinning.NEVER)
            .jmx(false).build().start())
        {
            for (int id = 0; id < 50; id++)
            {
                spindle.publish(TestItem.ID, id);
            }
            log.awaitTotal(50, 10);
        }
        log.assertExactlyOnce(50);
        assertEquals("even ids are not welcome", log.entry(4).reason());
        assertEquals("ok 5", log.entry(5).result());
    }

    @Test
    void aCostFunctionThatThrowsOrReturnsNaNFailsOnlyThatItem() throws Exception
    {
        final CostFunction<TestItem> fussy = item ->
        {
            if (item.id == 1)
            {
                throw new IllegalStateException("unscorable");
            }
            return item.id == 2 ? Double.NaN : 1.0;
        };
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> { }).listener(log).cost(fussy)
            .workers(1).pinning(Pinning.NEVER).jmx(false).build().start())
        {
            for (int id = 0; id < 4; id++)
            {
                assertEquals(id != 1 && id != 2, spindle.publish(TestItem.ID, id), "publish says whether the item got in: " + id);
            }
            log.awaitTotal(4, 10);
        }
        log.assertExactlyOnce(4);
        assertEquals(Outcome.FAILED, log.entry(1).outcome());
        assertTrue(log.entry(1).reason().contains("unscorable"));
        assertEquals(Outcome.FAILED, log.entry(2).outcome());
        assertTrue(log.entry(2).reason().contains("NaN"), log.entry(2).reason());
        assertEquals(Outcome.SUCCEEDED, log.entry(3).outcome());
    }

    @Test
    void aTranslatorThatThrowsFailsOnlyThatItemEvenWhenBatchesAreCutWithoutLooking() throws Exception
    {
        final ItemTranslatorOneArg<TestItem, Integer> clumsy = (item, id) ->
        {
            item.id = id;
            if (id == 5)
            {
                throw new IllegalArgumentException("bad input " + id);
            }
        };
        final AtomicInteger processed = new AtomicInteger();
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> processed.addAndGet(batch.size()))
            .listener(log).workers(1).pinning(Pinning.NEVER).jmx(false).build().start())
        {
            for (int id = 0; id < 10; id++)
            {
                assertEquals(id != 5, spindle.publish(clumsy, id));
            }
            log.awaitTotal(10, 10);
        }
        log.assertExactlyOnce(10);
        assertEquals(Outcome.FAILED, log.entry(5).outcome());
        assertTrue(log.entry(5).reason().contains("bad input 5"), log.entry(5).reason());
        assertEquals(9, processed.get(), "the slot whose translator threw is never processed");
    }

    @Test
    void aThrowingListenerIsCountedAndNeverStopsTheEngine() throws Exception
    {
        final AtomicInteger seen = new AtomicInteger();
        final OutcomeListener<TestItem> angry = (item, outcome, result, reason) ->
        {
            seen.incrementAndGet();
            throw new IllegalStateException("listener bug");
        };
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> { }).listener(angry).workers(2)
            .pinning(Pinning.NEVER).jmx(false).build().start();
        for (int id = 0; id < 1000; id++)
        {
            spindle.publish(TestItem.ID, id);
        }
        spindle.close();
        assertEquals(1000, seen.get());
        assertEquals(1000, spindle.report().listenerErrors());
        assertEquals(1000, spindle.report().succeeded());
        assertFalse(spindle.publish(TestItem.ID, 1001));
    }
}
