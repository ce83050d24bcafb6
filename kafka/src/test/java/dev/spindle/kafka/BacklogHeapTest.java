package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A slow member over a 1 M-record backlog (about 100 MB of values) in a child JVM whose whole heap is
 * 64 MB: paused partitions keep what it holds to its bounds, so it neither runs out of memory nor
 * lets its in-flight count pass partitions x bound, and it closes cleanly with most of the backlog
 * still waiting.
 */
class BacklogHeapTest
{
    private static final int RECORDS = 1_000_000;
    private static final int PARTITIONS = 3;
    private static final int MAX_IN_FLIGHT = 200;
    private static final int HEAP_MIB = 64;

    @Test
    void aBacklogLargerThanTheHeapStaysWithinTheBounds() throws Exception
    {
        final Broker broker = Broker.shared();
        final String in = broker.topic("backlog-in", PARTITIONS);
        final String out = broker.topic("backlog-out", PARTITIONS);
        final String dlt = broker.topic("backlog-dlt", 1);
        broker.produce(in, 0, RECORDS, 100);
        try (Member member = new Member("-Xmx" + HEAP_MIB + "m", broker.bootstrap(), in + "-group", in, out, dlt, "consumer", "2000",
            Integer.toString(MAX_IN_FLIGHT), Integer.toString(MAX_IN_FLIGHT * 2)))
        {
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (member.maxInflight() < MAX_IN_FLIGHT && System.nanoTime() < deadline)
            {
                Thread.sleep(100);
            }
            Thread.sleep(3_000); // paused and resumed many times by now
            assertEquals(0, member.stop(), member.output());
            final Matcher closed = Pattern.compile("closed in=(\\d+) out=(\\d+) heapPeakMiB=(\\d+)").matcher(member.output());
            assertTrue(closed.find(), member.output());
            final long in0 = Long.parseLong(closed.group(1));
            assertTrue(in0 > 0 && in0 < RECORDS / 2, "fetched " + in0 + ": the backlog was still there");
            assertTrue(member.maxInflight() <= PARTITIONS * MAX_IN_FLIGHT, "max in flight " + member.maxInflight());
            assertTrue(member.maxInflight() >= MAX_IN_FLIGHT, "the bound was reached: " + member.maxInflight());
            System.out.println("backlog: fetched " + in0 + ", in flight at most " + member.maxInflight() + ", heap peak "
                + closed.group(3) + " MiB of " + HEAP_MIB);
        }
    }
}
