package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** A test listener that checks every id gets exactly one outcome and remembers what it was. */
final class OutcomeLog implements OutcomeListener
{
    record Entry(long id, Outcome outcome, Object result, String reason, String thread)
    {
    }

    private final AtomicIntegerArray deliveries;
    private final AtomicReferenceArray<Entry> entries;
    private final AtomicLong total = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final Map<Outcome, AtomicLong> byOutcome = new ConcurrentHashMap<>();
    private volatile CountDownLatch target = new CountDownLatch(0);

    OutcomeLog(final int maxIds)
    {
        deliveries = new AtomicIntegerArray(maxIds);
        entries = new AtomicReferenceArray<>(maxIds);
        for (final Outcome outcome : Outcome.values())
        {
            byOutcome.put(outcome, new AtomicLong());
        }
    }

    void expect(final int count)
    {
        target = new CountDownLatch(count);
    }

    @Override
    public void onOutcome(final Item item, final Outcome outcome, final Object result, final String reason)
    {
        final int id = (int)item.id();
        if (deliveries.incrementAndGet(id) > 1)
        {
            problems.add("item " + id + " got a second outcome " + outcome + " after " + entries.get(id));
        }
        if (outcome != Outcome.SUCCEEDED && (reason == null || reason.isBlank()))
        {
            problems.add("item " + id + " " + outcome + " without a reason");
        }
        entries.set(id, new Entry(id, outcome, result, reason, Thread.currentThread().getName()));
        byOutcome.get(outcome).incrementAndGet();
        total.incrementAndGet();
        target.countDown();
    }

    void await(final long seconds) throws InterruptedException
    {
        if (!target.await(seconds, TimeUnit.SECONDS))
        {
            fail("timed out waiting for outcomes: " + total.get() + " delivered, " + target.getCount() + " missing");
        }
    }

    Entry entry(final long id)
    {
        return entries.get((int)id);
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
                fail("item " + id + " got " + deliveries.get(id) + " outcomes");
            }
        }
        assertEquals(n, total.get(), "total outcomes");
    }
}
