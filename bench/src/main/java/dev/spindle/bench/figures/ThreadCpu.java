package dev.spindle.bench.figures;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and allocated bytes of the application threads of a run: the calling (publishing) thread
 * and every live thread whose name starts with the engine's prefix, from ThreadMXBean. JIT and GC
 * threads are not counted (they are not the application's, and every engine pays them alike).
 * Sampled while the engine's threads are alive.
 */
final class ThreadCpu
{
    private static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final String prefix;
    private final long caller;
    private final Map<Long, long[]> start;

    private ThreadCpu(final String prefix)
    {
        this.prefix = prefix;
        this.caller = Thread.currentThread().getId();
        this.start = sample();
    }

    static ThreadCpu start(final String prefix)
    {
        return new ThreadCpu(prefix);
    }

    /** [engine threads' CPU ns, publishing thread's CPU ns, bytes allocated by all of them] since start. */
    long[] stop()
    {
        final Map<Long, long[]> end = sample();
        final long[] total = new long[3];
        for (final Map.Entry<Long, long[]> e : end.entrySet())
        {
            final long[] before = start.getOrDefault(e.getKey(), new long[2]);
            final long cpu = e.getValue()[0] - before[0];
            total[e.getKey() == caller ? 1 : 0] += cpu;
            total[2] += e.getValue()[1] - before[1];
        }
        return total;
    }

    private Map<Long, long[]> sample()
    {
        final Map<Long, long[]> map = new HashMap<>();
        for (final ThreadInfo info : MX.getThreadInfo(MX.getAllThreadIds()))
        {
            if (info != null && (info.getThreadId() == caller || info.getThreadName().startsWith(prefix)))
            {
                final long cpu = MX.getThreadCpuTime(info.getThreadId());
                final long bytes = MX.getThreadAllocatedBytes(info.getThreadId());
                if (cpu >= 0 && bytes >= 0)
                {
                    map.put(info.getThreadId(), new long[] {cpu, bytes});
                }
            }
        }
        return map;
    }
}
