package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Poison items are found by bisection; bad scores, processors and listeners never cost other items. */
class FaultIsolationTest
{
    private final GateProcessor gate = new GateProcessor();
    private final OutcomeLog log = new OutcomeLog(1000);

    @Test
    void bisectionIsolatesEveryPoisonItemInABatch() throws Exception
    {
        final Set<Long> poison = Set.of(3L, 11L, 12L);
        final AtomicInteger calls = new AtomicInteger();
        final BatchProcessor processor = batch ->
        {
            calls.incrementAndGet();
            gate.process(batch);
            for (int i = 0; i < batch.size(); i++)
            {
                if (poison.contains(batch.item(i).id()))
                {
                    throw new IllegalArgumentException("cannot digest " + batch.item(i).key());
                }
            }
        };
        try (Spindle spindle = Spindle.builder(processor).listener(log).workers(1).maxBatchItems(16).complexityBudget(1e9)
            .pinning(Pinning.NEVER).build().start())
        {
            spindle.submit(new WorkItem().id(100).key("block"));
            gate.awaitBlocked(1);
            log.expect(17);
            for (int id = 0; id < 16; id++)
            {
                spindle.submit(new WorkItem().id(id).key("item-" + id));
            }
            gate.open();
            log.await(10);
        }
        for (long id = 0; id < 16; id++)
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
        final BatchProcessor processor = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                if (batch.item(i).id() % 2 == 0)
                {
                    batch.fail(i, "even ids are not welcome");
                }
                else
                {
                    batch.succeed(i, "ok " + batch.item(i).id());
                }
            }
        };
        try (Spindle spindle = Spindle.builder(processor).listener(log).workers(2).pinning(Pinning.NEVER).build().start())
        {
            log.expect(50);
            for (int id = 0; id < 50; id++)
            {
                spindle.submit(new WorkItem().id(id).key("k"));
            }
            log.await(10);
        }
        log.assertExactlyOnce(50);
        assertEquals("even ids are not welcome", log.entry(4).reason());
        assertEquals("ok 5", log.entry(5).result());
    }

    @Test
    void aScorerThatThrowsOrReturnsNaNFailsOnlyThatItem() throws Exception
    {
        final ComplexityScorer fussy = item ->
        {
            if (item.id() == 1)
            {
                throw new IllegalStateException("unscorable");
            }
            return item.id() == 2 ? Double.NaN : 1.0;
        };
        try (Spindle spindle = Spindle.builder(batch -> { }).listener(log).complexityScorer(fussy).workers(1)
            .pinning(Pinning.NEVER).build().start())
        {
            log.expect(4);
            for (int id = 0; id < 4; id++)
            {
                spindle.submit(new WorkItem().id(id).key("k"));
            }
            log.await(10);
        }
        log.assertExactlyOnce(4);
        assertEquals(Outcome.FAILED, log.entry(1).outcome());
        assertTrue(log.entry(1).reason().contains("unscorable"));
        assertEquals(Outcome.FAILED, log.entry(2).outcome());
        assertTrue(log.entry(2).reason().contains("NaN"), log.entry(2).reason());
        assertEquals(Outcome.SUCCEEDED, log.entry(3).outcome());
    }

    @Test
    void aThrowingListenerIsCountedAndNeverStopsTheEngine() throws Exception
    {
        final AtomicInteger seen = new AtomicInteger();
        final OutcomeListener angry = (item, outcome, result, reason) ->
        {
            seen.incrementAndGet();
            throw new IllegalStateException("listener bug");
        };
        final Spindle spindle = Spindle.builder(batch -> { }).listener(angry).workers(2).pinning(Pinning.NEVER).build().start();
        for (int id = 0; id < 1000; id++)
        {
            spindle.submit(new WorkItem().id(id).key("k"));
        }
        spindle.close();
        assertEquals(1000, seen.get());
        assertEquals(1000, spindle.report().listenerErrors());
        assertEquals(1000, spindle.report().succeeded());
    }
}
