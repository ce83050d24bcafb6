package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 8 producers × 100,000 items through a processor that throws at random (batch-wide transient
 * failures and per-item poison) and hangs forever on one item: every item must end in exactly one
 * outcome, poison items FAILED, the hang and its batch-mates TIMED_OUT, everything else SUCCEEDED.
 */
class ExactlyOnceStressTest
{
    private static final int PRODUCERS = 8;
    private static final int PER_PRODUCER = 100_000;
    private static final int TOTAL = PRODUCERS * PER_PRODUCER;
    private static final long HANGING_ID = 123_457;

    private static boolean isPoison(final long id)
    {
        return id % 9_973 == 17;
    }

    @Test
    void everyItemGetsExactlyOneOutcome() throws Exception
    {
        final OutcomeLog log = new OutcomeLog(TOTAL);
        final AtomicLong hangingBatch = new AtomicLong(-1);
        final BatchProcessor chaotic = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                final long id = batch.item(i).id();
                if (id == HANGING_ID)
                {
                    hangingBatch.set(batch.batchId());
                    new CountDownLatch(1).await(); // hangs until the watchdog interrupts it
                }
                if (isPoison(id))
                {
                    throw new IllegalStateException("poison item " + id);
                }
            }
            // A failure of multi-item batches only (think: out of memory on a big batch): bisection
            // must end with every such item succeeding on a smaller run.
            if (batch.size() > 1 && ThreadLocalRandom.current().nextInt(50) == 0)
            {
                throw new RuntimeException("transient failure of the whole batch");
            }
            for (int i = 0; i < batch.size(); i++)
            {
                batch.succeed(i, batch.item(i).id());
            }
        };

        final Spindle spindle = Spindle.builder(chaotic).listener(log).workers(2).ringSize(1024).maxBatchItems(32)
            .complexityBudget(1e9).batchTimeout(Duration.ofSeconds(1)).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER)
            .build().start();
        log.expect(TOTAL);
        final List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++)
        {
            final int base = p * PER_PRODUCER;
            final Thread producer = new Thread(() ->
            {
                final WorkItem item = new WorkItem();
                for (int i = 0; i < PER_PRODUCER; i++)
                {
                    final int id = base + i;
                    assertTrue(spindle.submit(item.id(id).key("i" + id).sizeBytes(id % 5000)));
                }
            }, "producer-" + p);
            producers.add(producer);
            producer.start();
        }
        for (final Thread producer : producers)
        {
            producer.join();
        }
        log.await(120);
        spindle.close();

        log.assertExactlyOnce(TOTAL);
        final PerformanceReport report = spindle.report();
        assertEquals(TOTAL, report.submitted());
        assertEquals(TOTAL, report.completed());
        assertEquals(1, report.workersReplaced(), "the hanging worker is replaced once");
        assertEquals(2, report.workers(), "the pool keeps its size");

        for (long id = 0; id < TOTAL; id++)
        {
            final OutcomeLog.Entry entry = log.entry(id);
            if (id == HANGING_ID)
            {
                assertEquals(Outcome.TIMED_OUT, entry.outcome());
                assertTrue(entry.reason().contains("past its deadline"), entry.reason());
            }
            else if (isPoison(id))
            {
                assertEquals(Outcome.FAILED, entry.outcome(), "poison " + id);
                assertTrue(entry.reason().contains("poison item " + id), entry.reason());
            }
            else if (entry.outcome() == Outcome.TIMED_OUT)
            {
                assertTrue(entry.reason().contains("batch " + hangingBatch.get() + " "), "only the hanging batch times out: " + entry);
            }
            else
            {
                assertEquals(Outcome.SUCCEEDED, entry.outcome(), "item " + id + ": " + entry);
                assertEquals(id, entry.result());
            }
        }
    }
}
