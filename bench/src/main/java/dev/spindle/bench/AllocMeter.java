package dev.spindle.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated during a run by every Java thread of this JVM: {@code com.sun.management.ThreadMXBean
 * #getThreadAllocatedBytes} summed over the live threads at the end, minus each one's value at the start
 * (0 for threads born in between). Taken before an engine stops, so its threads are still alive; a thread
 * that dies mid-run is missed. The sampling's own allocation on the calling thread is measured once
 * ({@link #calibrate}) and subtracted.
 */
final class AllocMeter
{
    private static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private static long overhead;

    private final Map<Long, Long> start;

    private AllocMeter(final Map<Long, Long> start)
    {
        this.start = start;
    }

    static AllocMeter start()
    {
        return new AllocMeter(sample());
    }

    /** Bytes allocated since {@link #start}, less the sampling's own. */
    long stop()
    {
        final Map<Long, Long> end = sample();
        long total = 0;
        for (final Map.Entry<Long, Long> e : end.entrySet())
        {
            total += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return Math.max(0, total - overhead);
    }

    static void calibrate()
    {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++)
        {
            overhead = 0;
            least = Math.min(least, start().stop());
        }
        overhead = least;
    }

    private static Map<Long, Long> sample()
    {
        final long[] ids = MX.getAllThreadIds();
        final long[] bytes = MX.getThreadAllocatedBytes(ids);
        final Map<Long, Long> map = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++)
        {
            if (bytes[i] >= 0)
            {
                map.put(ids[i], bytes[i]);
            }
        }
        return map;
    }
}
