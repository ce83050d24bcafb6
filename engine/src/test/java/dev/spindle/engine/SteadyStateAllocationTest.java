package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady state allocates nothing per item: after a warm-up, the bytes allocated by the publishing
 * thread and every engine thread over a long run, divided by the items, stay below one byte (what
 * is left is per-interval bookkeeping, not per item). For each dispatch, cutting in place and
 * through lanes, with and without a listener.
 */
class SteadyStateAllocationTest
{
    private static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 400_000;
    private static final int MEASURED = 2_000_000;

    static Stream<Arguments> engines()
    {
        final List<Arguments> engines = new ArrayList<>();
        for (final Dispatch dispatch : List.of(Dispatch.WORKERS_CUT, Dispatch.CUTTER_THREAD))
        {
            for (final boolean lanes : new boolean[] {false, true})
            {
                for (final boolean listener : new boolean[] {false, true})
                {
                    engines.add(Arguments.of(dispatch, lanes, listener));
                }
            }
        }
        return engines.stream();
    }

    @ParameterizedTest(name = "{0} lanes={1} listener={2}")
    @MethodSource("engines")
    void publishingAndRunningAllocateNothingPerItem(final Dispatch dispatch, final boolean lanes, final boolean listener)
        throws Exception
    {
        final String prefix = "alloc-" + dispatch + "-" + lanes + "-" + listener;
        final LongAdder done = new LongAdder();
        final BatchProcessor<TestItem> count = batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                if (batch.item(i).id >= 0)
                {
                    batch.succeed(i, null);
                }
            }
            done.add(batch.size());
        };
        final SpindleBuilder<TestItem> builder = Spindle.builder(TestItem::new, count).workers(2).dispatch(dispatch).ringSize(4096)
            .maxBatchItems(256).complexityBudget(1e9).singleProducer(true).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER)
            .jmx(false).threadNamePrefix(prefix);
        if (lanes)
        {
            builder.priority(item -> item.priority);
        }
        if (listener)
        {
            final LongAdder heard = new LongAdder();
            builder.listener((item, outcome, result, reason) -> heard.increment());
        }
        final Spindle<TestItem> spindle = builder.build().start();
        final TestItem template = TestItem.of(TestItem.PLAIN, 1, 50, DeadlineFunction.NO_DEADLINE);
        publish(spindle, template, 0, WARM_UP, done);

        final long[] ids = engineThreads(prefix);
        final long[] before = MX.getThreadAllocatedBytes(ids);
        publish(spindle, template, WARM_UP, WARM_UP + MEASURED, done);
        final long[] after = MX.getThreadAllocatedBytes(ids);
        spindle.close();

        long bytes = 0;
        for (int t = 0; t < ids.length; t++)
        {
            if (before[t] >= 0 && after[t] >= 0)
            {
                bytes += after[t] - before[t];
            }
        }
        assertEquals(WARM_UP + MEASURED, spindle.report().succeeded());
        final double perItem = (double)bytes / MEASURED;
        System.out.printf("%s: %,d bytes over %,d items = %.4f B/item on %d threads%n", prefix, bytes, MEASURED, perItem, ids.length);
        assertTrue(perItem < 1.0, "allocation per item in steady state: " + perItem + " B (" + bytes + " B in all)");
    }

    private static void publish(final Spindle<TestItem> spindle, final TestItem template, final int from, final int to, final LongAdder done)
    {
        for (int id = from; id < to; id++)
        {
            template.id = id;
            spindle.publish(TestItem.SAME, template);
        }
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (done.sum() < to && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
    }

    /** This thread (the publisher) and every live thread of the engine. */
    private static long[] engineThreads(final String prefix)
    {
        final List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (final ThreadInfo info : MX.getThreadInfo(MX.getAllThreadIds()))
        {
            if (info != null && info.getThreadName().startsWith(prefix))
            {
                ids.add(info.getThreadId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
