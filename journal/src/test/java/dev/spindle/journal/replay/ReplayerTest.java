package dev.spindle.journal.replay;

import static dev.spindle.journal.replay.HandRun.MS;
import static dev.spindle.journal.replay.HandRun.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Outcome;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replays drive a real engine; every bound here is generous, the machine running the tests is shared. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class ReplayerTest
{
    /** 1,000 items at 5,000/s, a 200 ms gap, 1,000 more at 5,000/s; 20 us of work each, on 2 workers. */
    private static RecordedRun pacedWithGap()
    {
        final HandRun hand = new HandRun().workers(2);
        for (int i = 0; i < 2_000; i++)
        {
            final long submit = i * 200 * US + (i >= 1_000 ? 200 * MS : 0);
            hand.item(i, submit, 20 * US);
        }
        return hand.build();
    }

    private static List<RecordedItem> bySubmit(final RecordedRun run)
    {
        final List<RecordedItem> items = new ArrayList<>(run.items());
        items.sort(Comparator.comparingLong(RecordedItem::submitNanos));
        return items;
    }

    @Test
    void originalTimingReproducesTheArrivalPattern()
    {
        final RecordedRun recorded = pacedWithGap();
        final ReplayResult replay = Replayer.replay(recorded, ReplayOptions.defaults());
        final List<RecordedItem> items = bySubmit(replay.run());
        assertEquals(2_000, items.size());
        assertEquals(2_000L, RunStats.of(replay.run()).outcomes().get(Outcome.SUCCEEDED));
        assertEquals(2_000, replay.intendedLatency().getTotalCount());
        assertEquals(2_000, replay.report().succeeded());

        final double firstHalf = (items.get(999).submitNanos() - items.get(0).submitNanos()) / 1e6;
        final double gap = (items.get(1_000).submitNanos() - items.get(999).submitNanos()) / 1e6;
        final double secondHalf = (items.get(1_999).submitNanos() - items.get(1_000).submitNanos()) / 1e6;
        System.out.printf("replayed: first 1,000 over %.1f ms (recorded 199.8), gap %.1f ms (recorded 200.2), last 1,000 over %.1f ms%n",
            firstHalf, gap, secondHalf);
        assertTrue(firstHalf > 0.8 * 199.8 && firstHalf < 1.5 * 199.8, "first half's rate kept: " + firstHalf + " ms");
        assertTrue(secondHalf > 0.8 * 199.8 && secondHalf < 1.5 * 199.8, "second half's rate kept: " + secondHalf + " ms");
        assertTrue(gap > 0.8 * 200.2 && gap < 1.5 * 200.2, "gap kept: " + gap + " ms");
        int longest = 1;
        for (int i = 2; i < items.size(); i++)
        {
            if (pause(items, i) > pause(items, longest))
            {
                longest = i;
            }
        }
        assertEquals(1_000, longest, "the longest pause between sends is the recorded one");
    }

    private static long pause(final List<RecordedItem> items, final int i)
    {
        return items.get(i).submitNanos() - items.get(i - 1).submitNanos();
    }

    @Test
    void maxTimingIsFasterThanOriginalOnAPacedRecording()
    {
        final RecordedRun recorded = pacedWithGap();
        final RunStats original = RunStats.of(Replayer.replay(recorded, ReplayOptions.defaults()).run());
        final RunStats max = RunStats.of(Replayer.replay(recorded, ReplayOptions.defaults().withTiming(Timing.MAX)).run());
        System.out.printf("makespan: ORIGINAL %.1f ms, MAX %.1f ms%n", original.makespanNanos() / 1e6, max.makespanNanos() / 1e6);
        assertTrue(original.makespanNanos() > 0.8 * 599.8 * MS, "ORIGINAL takes the recorded ~600 ms");
        assertTrue(max.makespanNanos() * 3 < original.makespanNanos(), "MAX is not held to the recorded pace");
        assertEquals(2_000, max.processed());
    }

    @Test
    void latencyFromIntendedSendTimeIncludesAStallTheProducerWaitedOut()
    {
        // One worker and a ring of 64; its processor stalls 100 ms once, so most items due during
        // the stall are sent late, when a slot frees: their latency from the actual submit hides the stall.
        final long stallNanos = 100 * MS;
        final RecordedRun recorded = pacedWithGap();
        final AtomicBoolean stalled = new AtomicBoolean();
        final ReplayResult replay = Replayer.replay(recorded, ReplayOptions.defaults()
            .withEngine(builder -> builder.workers(1).ringSize(64).maxBatchItems(16))
            .withProcessor(batch ->
            {
                for (int i = 0; i < batch.size(); i++)
                {
                    if (batch.item(i).id() >= 300 && stalled.compareAndSet(false, true))
                    {
                        Thread.sleep(stallNanos / MS);
                    }
                    SyntheticProcessor.spin(20 * US);
                }
            }, "stalling"));
        assertTrue(stalled.get());

        final Histogram intended = replay.intendedLatency();
        final Histogram fromSubmit = new Histogram(3_600_000_000_000L, 2);
        for (final RecordedItem item : replay.run().items())
        {
            fromSubmit.recordValue(Math.max(1, item.endNanos() - item.submitNanos()));
        }
        final long over = stallNanos / 4;
        final long intendedOver = intended.getCountBetweenValues(over, Long.MAX_VALUE / 4);
        final long submitOver = fromSubmit.getCountBetweenValues(over, Long.MAX_VALUE / 4);
        System.out.printf("latency from intended send: p50 %.2f ms, p99 %.2f ms, mean %.2f ms, %d items over %d ms%n",
            intended.getValueAtPercentile(50) / 1e6, intended.getValueAtPercentile(99) / 1e6, intended.getMean() / 1e6, intendedOver, over / MS);
        System.out.printf("latency from actual submit: p50 %.2f ms, p99 %.2f ms, mean %.2f ms, %d items over %d ms%n",
            fromSubmit.getValueAtPercentile(50) / 1e6, fromSubmit.getValueAtPercentile(99) / 1e6, fromSubmit.getMean() / 1e6, submitOver,
            over / MS);
        assertTrue(intended.getValueAtPercentile(99) >= stallNanos / 2, "the intended-time p99 includes the stall");
        assertTrue(intended.getValueAtPercentile(99) >= fromSubmit.getValueAtPercentile(99) * 0.99);
        assertTrue(intended.getMean() > 1.3 * fromSubmit.getMean(), "the late-sent items' wait counts");
        assertTrue(intendedOver > 1.5 * submitOver, "items due during the stall are late from their intended time");

        final AuditReport audit = Audit.compare(recorded, replay, "replayed");
        assertNotNull(audit.intendedEndToEnd());
        assertTrue(audit.toText().contains("end-to-end from intended send p99"), audit.toText());
    }

    @Test
    void syntheticProcessorSpendsEachItemsRecordedServiceTime()
    {
        // Two kinds of item, 100 us and 400 us, alternating; complexity in proportion, so service shares are by cost.
        final HandRun hand = new HandRun().workers(2).budget(1_000);
        for (int i = 0; i < 600; i++)
        {
            hand.item(i, 0, i % 2 == 0 ? 100 * US : 400 * US);
        }
        final RecordedRun recorded = hand.build();
        final ReplayResult replay = Replayer.replay(recorded, ReplayOptions.defaults().withTiming(Timing.MAX));
        final long[] small = new long[300];
        final long[] large = new long[300];
        int s = 0;
        int l = 0;
        for (final RecordedItem item : replay.run().items())
        {
            if (item.id() % 2 == 0)
            {
                small[s++] = item.serviceNanos();
            }
            else
            {
                large[l++] = item.serviceNanos();
            }
        }
        final double smallMedian = ExactPercentiles.of(small, s).p50Nanos() / 1e3;
        final double largeMedian = ExactPercentiles.of(large, l).p50Nanos() / 1e3;
        final RunStats stats = RunStats.of(replay.run());
        System.out.printf("replayed service medians: %.1f us (recorded 100), %.1f us (recorded 400); utilization %.2f%n", smallMedian,
            largeMedian, stats.utilization());
        assertTrue(smallMedian > 90 && smallMedian < 250, "100 us items: " + smallMedian);
        assertTrue(largeMedian > 360 && largeMedian < 1_000, "400 us items: " + largeMedian);
        assertTrue(stats.lowerBoundNanos() >= 0.95 * 75 * MS, "Σ replayed service >= Σ recorded (150 ms over 2 workers)");
    }

    @Test
    void itemsThatNeverRanStandInWithTheMedianAndSaySo()
    {
        final RecordedRun recorded = new HandRun()
            .item(1, 0, 50 * US)
            .item(2, 0, 70 * US)
            .item(3, 0, 90 * US)
            .recorded(new RecordedItem(4, "k4", 0, Double.NaN, -1, -1, 0, -1, -1, -1, -1, Outcome.REJECTED, "ring full"))
            .recorded(new RecordedItem(5, "k5", 0, 10, 50, 3, 0, 7, 0, 10 * US, 10 * US, Outcome.FAILED, "bad input"))
            .build();
        final ReplayResult replay = Replayer.replay(recorded, ReplayOptions.defaults().withTiming(Timing.MAX));
        assertTrue(replay.notes().stream().anyMatch(n -> n.startsWith("1 item(s) never ran in the recording") && n.contains("50000 ns")),
            replay.notes()::toString);
        assertTrue(replay.notes().stream().anyMatch(n -> n.startsWith("1 item(s) were never scored")), replay.notes()::toString);
        final RunStats stats = RunStats.of(replay.run());
        assertEquals(4L, stats.outcomes().get(Outcome.SUCCEEDED), "the rejected item runs in the replay");
        assertEquals(1L, stats.outcomes().get(Outcome.FAILED), "the processor's failure is replayed");
        final RecordedItem failed = replay.run().items().stream().filter(i -> i.id() == 5).findFirst().orElseThrow();
        assertEquals("bad input", failed.reason());
    }
}
