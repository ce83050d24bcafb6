package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three members as child JVMs over six partitions; one is SIGKILLed mid-run. Every input record must
 * have its output, and the duplicates (records the dead member had fetched beyond its last commit)
 * stay within its in-flight bounds.
 */
class MemberKillTest
{
    private static final int RECORDS = 20_000;
    private static final int PARTITIONS = 6;
    private static final int MAX_IN_FLIGHT = 100;
    private static final int MAX_SPAN = 200;
    private static final int MAX_POLL_RECORDS = 100;

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void nothingIsLostWhenAMemberIsKilled(final GroupProtocol protocol) throws Exception
    {
        final Broker broker = Broker.shared();
        final String in = broker.topic("kill-in", PARTITIONS);
        final String out = broker.topic("kill-out", PARTITIONS);
        final String dlt = broker.topic("kill-dlt", 1);
        final String group = in + "-group";
        broker.produce(in, 0, RECORDS, 8);

        final String[] args = {broker.bootstrap(), group, in, out, dlt, protocol.configValue(), "1500",
            Integer.toString(MAX_IN_FLIGHT), Integer.toString(MAX_SPAN)};
        try (Member a = new Member("-Xmx128m", args); Member b = new Member("-Xmx128m", args); Member c = new Member("-Xmx128m", args))
        {
            awaitOutputs(broker, out, RECORDS / 4, Duration.ofSeconds(90));
            a.kill();
            final List<ConsumerRecord<byte[], byte[]>> outputs = broker.readAll(out, RECORDS, Duration.ofSeconds(120));
            final Map<String, Integer> keys = Broker.keyCounts(outputs);
            for (int i = 0; i < RECORDS; i++)
            {
                assertTrue(keys.containsKey("k" + i), "k" + i + " has no output (" + keys.size() + " keys of " + RECORDS + ")");
            }
            final int duplicates = outputs.size() - keys.size();
            // the dead member owned at most all partitions; from each it may have had a span plus one poll beyond its commit
            assertTrue(duplicates <= PARTITIONS * (MAX_SPAN + MAX_POLL_RECORDS), duplicates + " duplicates");
            assertEquals(0, b.stop(), b.output());
            assertEquals(0, c.stop(), c.output());
            assertEquals(0, broker.readAll(dlt, 0, Duration.ofMillis(500)).size());
            PoisonRecordsTest.awaitCommitted(broker, group, in, Duration.ofSeconds(10));
            System.out.println(protocol + ": " + outputs.size() + " outputs, " + duplicates + " duplicates");
        }
    }

    static void awaitOutputs(final Broker broker, final String out, final int count, final Duration within) throws Exception
    {
        final long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline)
        {
            final long total = broker.committedAndEnd("none", out).values().stream().mapToLong(o -> o[1]).sum();
            if (total >= count)
            {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " outputs within " + within);
    }
}
