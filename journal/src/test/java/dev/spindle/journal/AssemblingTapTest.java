package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.Spindle;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's tap sees every item submitted once and settled once, under failures and rejections. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class AssemblingTapTest
{
    private static final ItemTranslatorOneArg<FixedItem, Integer> ITEM = (item, id) -> item.set(id, "k" + id, 100 + id % 1000);

    @Test
    void everyItemIsSubmittedAndSettledOnceInTheTrace() throws Exception
    {
        final AssemblingTap<FixedItem> tap = new AssemblingTap<>("test", "", "random-failures", -1, FixedItem.IDENTITY);
        final int producers = 4;
        final int perProducer = 5_000;
        try (Spindle<FixedItem> engine = Spindle.builder(FixedItem::new, batch ->
            {
                for (int i = 0; i < batch.size(); i++)
                {
                    if (batch.item(i).id % 97 == 0)
                    {
                        batch.fail(i, "id divisible by 97");
                    }
                }
                if (ThreadLocalRandom.current().nextInt(50) == 0)
                {
                    throw new IllegalStateException("injected batch failure");
                }
            })
            .workers(2).ringSize(256).backpressure(Backpressure.TRY).intervalLength(Duration.ofMillis(20))
            .tuneForThroughput().journal(tap).build().start())
        {
            final CountDownLatch done = new CountDownLatch(producers);
            for (int p = 0; p < producers; p++)
            {
                final int base = p * perProducer;
                new Thread(() ->
                {
                    for (int i = 0; i < perProducer; i++)
                    {
                        engine.publish(ITEM, base + i);
                    }
                    done.countDown();
                }).start();
            }
            assertTrue(done.await(2, TimeUnit.MINUTES), "the producers finished");
        }
        final RecordedRun run = tap.run();
        assertTrue(tap.problems().isEmpty(), () -> "problems: " + tap.problems());
        assertNotNull(run.footer(), "footer written at close");
        assertEquals(producers * perProducer, run.items().size());
        final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (final RecordedItem item : run.items())
        {
            assertNotNull(item.outcome(), () -> "no outcome for " + item);
            counts.merge(item.outcome(), 1L, Long::sum);
            if (item.outcome() == Outcome.SUCCEEDED)
            {
                assertTrue(item.serviceNanos() >= 0 && item.batchId() >= 0, () -> "ran without a batch trace: " + item);
            }
        }
        assertEquals(run.footer().succeeded(), counts.getOrDefault(Outcome.SUCCEEDED, 0L));
        assertEquals(run.footer().rejected(), counts.getOrDefault(Outcome.REJECTED, 0L));
        assertEquals(run.footer().failed(), counts.getOrDefault(Outcome.FAILED, 0L));
        assertTrue(counts.getOrDefault(Outcome.FAILED, 0L) > 0, "the % 97 items failed");
        assertTrue(!run.intervals().isEmpty() && !run.decisions().isEmpty(), "intervals and tuner decisions are traced");
        long batched = 0;
        for (final RecordedBatch batch : run.batches())
        {
            assertTrue(batch.finished(), () -> "batch never finished: " + batch.batchId());
            batched += batch.itemIds().length;
        }
        assertEquals(run.footer().succeeded() + run.footer().failed(), batched);
    }
}
