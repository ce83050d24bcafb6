package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** A test listener that checks every id gets exactly one outcome and remembers what it was. */
final class OutcomeLog implements OutcomeListener<TestItem>
{
    record Entry(int id, Outcome outcome, Object result, String reason, String thread)
    {
    }

    private final AtomicIntegerArray deliveries;
    private final AtomicReferenceArray<Entry> entries;
    private final AtomicLong total = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final Map<Outcome, AtomicLong> byOutcome = new EnumMap<>(Outcome.class);

    OutcomeLog(final int maxIds)
    {
        deliveries = new AtomicIntegerArray(maxIds);
        entries = new AtomicReferenceArray<>(maxIds);
        for (final Outcome outcome : Outcome.values())
        {
            byOutcome.put(outcome, new AtomicLong());
        }
    }

    @Override
    public void onOutcome(final TestItem item, final Outcome outcome, final Object result, final String reason)
    {
        final int id = item.id;
        if (id < 0 || id >= deliveries.length())
        {
            problems.add("outcome " + outcome + " for an id outside the test: " + id);
            return;
        }
        if (deliveries.incrementAndGet(id) > 1)
        {
            problems.add("item " + id + " got a second outcome " + outcome + " (" + reason + ") after " + entries.get(id));
        }
        if (outcome != Outcome.SUCCEEDED && (reason == null || reason.isBlank()))
        {
            problems.add("item " + id + " " + outcome + " without a reason");
        }
        entries.set(id, new Entry(id, outcome, result, reason, Thread.currentThread().getName()));
        byOutcome.get(outcome).incrementAndGet();
        total.incrementAndGet();
    }

    /** Waits, bounded, until {@code count} outcomes arrived. */
    void awaitTotal(final long count, final long seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (total.get() < count)
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out waiting for outcomes: " + total.get() + " of " + count + " delivered");
            }
            Thread.sleep(1);
        }
    }

    Entry entry(final int id)
    {
        return entries.get(id);
    }

    long count(final Outcome outcome)
    {
        return byOutcome.get(outcome).get();
    }

    long total()
    {
        return total.get();
    }

    /** Every id in [0, n) has exactly one outcome and nothing else went wrong. */
    void assertExactlyOnce(final int n)
    {
        if (!problems.isEmpty())
        {
            fail(problems.size() + " problems, first: " + problems.peek());
        }
        for (int id = 0; id < n; id++)
        {
            if (deliveries.get(id) != 1)
            {
                fail("item " + id + " got " + deliveries.get(id) + " outcomes" + (entries.get(id) == null ? "" : ", last " + entries.get(id)));
            }
        }
        assertEquals(n, total.get(), "total outcomes");
    }
}
