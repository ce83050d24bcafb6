package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.IdleStrategy;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class PollFailuresTest
{
    private long now;
    private final List<String> lines = new ArrayList<>();
    private final AtomicInteger waits = new AtomicInteger();

    private final PollFailures failures = new PollFailures(new IdleStrategy()
    {
        @Override
        public void idle(final int workCount)
        {
            waits.incrementAndGet();
        }

        @Override
        public void idle()
        {
            waits.incrementAndGet();
            now += TimeUnit.MILLISECONDS.toNanos(100); // the backoff a real poll thread sleeps
        }

        @Override
        public void reset()
        {
        }
    }, () -> now, lines::add);

    @Test
    void aFailingPollWaitsEachTimeAndIsLoggedOncePerTenSeconds()
    {
        for (int i = 0; i < 1_000; i++) // 100 s of failing polls, 100 ms apart
        {
            failures.failed(new KafkaException("broker gone"));
        }
        assertEquals(1_000, waits.get(), "every failure waits the backoff: the poll thread never spins");
        assertEquals(1 + 9, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("spindle-kafka: poll failed, retrying: ") && lines.get(0).contains("broker gone"), lines.get(0));
        assertTrue(lines.get(1).contains("still failing after 10 s (100 more failures)"), lines.get(1));

        failures.succeeded();
        assertTrue(lines.get(lines.size() - 1).contains("works again after 1000 failures"), lines::toString);
        failures.succeeded();
        assertEquals(11, lines.size(), "recovery is said once");
        assertEquals(0, failures.failing());
    }
}
