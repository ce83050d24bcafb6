package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Spindle;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real engine run with everything a journal must carry: several producers, keys beyond ASCII, items
 * failed by the processor, whole batches thrown (bisected), TRY rejections from a small ring, items
 * with a cost and a priority (so they go through the lanes), and the tuner on short intervals. Plus
 * the comparison of two recordings of one run.
 */
final class EngineRuns
{
    /** Cost by size, so the journal records complexities other than 1. */
    static final CostFunction<FixedItem> COST = item -> 1 + item.sizeBytes / 500.0;

    private static final ItemTranslatorOneArg<FixedItem, Long> ITEM = (item, id) -> item.set(id, key(id), 100 + id % 1000);

    private EngineRuns()
    {
    }

    static String key(final long id)
    {
        return "dir/ключ-" + id + (id % 3 == 0 ? "-\uD83D\uDE00" : "") + ".txt";
    }

    /** Runs {@code producers × perProducer} items (ids from {@code firstId}) through a fresh engine feeding {@code tap}. */
    static void run(final JournalTap<FixedItem> tap, final int producers, final int perProducer, final long firstId)
        throws InterruptedException
    {
        try (Spindle<FixedItem> engine = Spindle.builder(FixedItem::new, batch ->
            {
                final long until = System.nanoTime() + 20_000; // 20 us a batch: the small ring fills, TRY refuses some
                while (System.nanoTime() - until < 0)
                {
                    Thread.onSpinWait();
                }
                for (int i = 0; i < batch.size(); i++)
                {
                    if (batch.item(i).id % 1009 == 7)
                    {
                        throw new IllegalStateException("poison item " + batch.item(i).id); // the engine bisects to it
                    }
                }
                for (int i = 0; i < batch.size(); i++)
                {
                    if (batch.item(i).id % 97 == 0)
                    {
                        batch.fail(i, "id divisible by 97 — ошибка");
                    }
                }
            })
            .cost(COST).priority(item -> (int)(item.id % 101))
            .workers(2).ringSize(256).backpressure(Backpressure.TRY).intervalLength(Duration.ofMillis(20))
            .tuneForThroughput().journal(tap).build().start())
        {
            final CountDownLatch done = new CountDownLatch(producers);
            for (int p = 0; p < producers; p++)
            {
                final long base = firstId + (long)p * perProducer;
                final Thread producer = new Thread(() ->
                {
                    for (int i = 0; i < perProducer; i++)
                    {
                        engine.publish(ITEM, base + i);
                    }
                    done.countDown();
                });
                producer.start();
            }
            assertTrue(done.await(2, TimeUnit.MINUTES), "the producers finished");
        }
    }

    /** Everything a recording of a run holds but its index, compared field by field (arrays by content, items by id). */
    static void assertSameRun(final RecordedRun expected, final RecordedRun actual)
    {
        assertEquals(expected.header(), actual.header(), "header");
        assertEquals(withoutCpu(expected.footer()), withoutCpu(actual.footer()), "footer");
        assertTrue(actual.footer() == null || actual.footer().cpuMeasured() && expected.footer().cpuMeasured(),
            "both footers measured the CPU: " + actual.footer());
        assertEquals(expected.items().size(), actual.items().size(), "items");
        final Map<Long, RecordedItem> byId = new HashMap<>();
        for (final RecordedItem item : actual.items())
        {
            byId.put(item.id(), item);
        }
        for (final RecordedItem item : expected.items())
        {
            assertEquals(item, byId.get(item.id()), "item " + item.id());
        }
        // producers journal their own submissions; the tee hands both taps each one in the same order
        assertEquals(expected.items().stream().map(RecordedItem::id).toList(), actual.items().stream().map(RecordedItem::id).toList(),
            "submission order");
        assertEquals(expected.batches().size(), actual.batches().size(), "batches");
        for (int i = 0; i < expected.batches().size(); i++)
        {
            final RecordedBatch e = expected.batches().get(i);
            final RecordedBatch a = actual.batches().get(i);
            assertArrayEquals(e.itemIds(), a.itemIds(), "batch " + e.batchId() + " items");
            assertEquals(List.of(e.batchId(), e.cutNanos(), e.complexity(), e.closeReason(), e.worker(), e.cpu(), e.startNanos(), e.endNanos(),
                e.bisected()), List.of(a.batchId(), a.cutNanos(), a.complexity(), a.closeReason(), a.worker(), a.cpu(), a.startNanos(),
                a.endNanos(), a.bisected()), "batch " + e.batchId());
        }
        assertEquals(expected.intervals(), actual.intervals(), "intervals (histograms by content)");
        assertEquals(expected.decisions(), actual.decisions(), "decisions");
    }

    /** Two meters never read the CPU clocks at the same instant: everything else in the footers must match. */
    private static RunFooter withoutCpu(final RunFooter f)
    {
        return f == null ? null : new RunFooter(f.endNanos(), f.submitted(), f.succeeded(), f.failed(), f.rejected(), f.timedOut(), f.batches(), f.utilization(),
            f.interruptedBy());
    }
}
