package dev.spindle.journal.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A busy item costs its thread CPU, not wall time: preempted, it takes longer, as real work does. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
final class BusyWorkloadTest
{
    @Test
    void anItemBurnsItsCostOnTheThreadsCpuClock()
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM has no thread CPU clock");
        final long cost = 5_000_000;
        final long cpuBefore = threads.getCurrentThreadCpuTime();
        BusyWorkload.burn(cost);
        final long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        assertTrue(cpu >= cost, "used " + cpu + " ns of CPU for a " + cost + " ns item");
    }
}
