package dev.spindle.journal;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The CPU a run used, for the run footer: the whole process's, and the workers' own (each worker
 * thread's CPU clock read when it starts and finishes a batch, so it counts what the worker spent
 * from its first batch to its last). The difference is what ran beside the workers (the producer,
 * the JIT compiler, the collector, the journal) — the simulator's background load; the JIT compiler's
 * share is also read on its own (the JVM's accumulated compilation time, in milliseconds), as a
 * run pays it once however long the run is. One thread-CPU
 * read per batch start and finish on the worker's own thread, no allocation. {@link #UNKNOWN} where
 * the JVM has no such clock. A worker position the watchdog gave a new thread counts the new thread
 * from its first batch.
 */
final class CpuMeter
{
    static final long UNKNOWN = -1;
    private static final int MAX_WORKERS = 1 << 16;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean threadClock = threads.isCurrentThreadCpuTimeSupported();
    private final com.sun.management.OperatingSystemMXBean os = processBean();
    private final CompilationMXBean compiler = compilerBean();
    private long processAtStart = UNKNOWN;
    private long compileMillisAtStart = UNKNOWN;
    /** Per worker position: the CPU clock at its first batch (pairs [2w]) and at its last finish ([2w + 1]); 0 = not seen. */
    private AtomicLongArray clocks = new AtomicLongArray(0);

    private static com.sun.management.OperatingSystemMXBean processBean()
    {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean ? bean : null;
    }

    private static CompilationMXBean compilerBean()
    {
        final CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        return bean != null && bean.isCompilationTimeMonitoringSupported() ? bean : null;
    }

    /** The run starts: notes the process's CPU clock and the compiler's time, and makes room for {@code workers} positions. */
    void runStarted(final int workers)
    {
        processAtStart = os == null ? UNKNOWN : os.getProcessCpuTime();
        compileMillisAtStart = compiler == null ? UNKNOWN : compiler.getTotalCompilationTime();
        clocks = new AtomicLongArray(2 * Math.max(1, Math.min(MAX_WORKERS, workers)));
    }

    /** On the worker's own thread, as it starts a batch. */
    void batchStarted(final int worker)
    {
        if (threadClock && worker >= 0 && 2 * worker < clocks.length() && clocks.get(2 * worker) == 0)
        {
            clocks.set(2 * worker, Math.max(1, threads.getCurrentThreadCpuTime()));
        }
    }

    /** On the worker's own thread, as it finishes a batch. */
    void batchFinished(final int worker)
    {
        if (threadClock && worker >= 0 && 2 * worker < clocks.length())
        {
            final long now = threads.getCurrentThreadCpuTime();
            if (now < clocks.get(2 * worker))
            {
                clocks.set(2 * worker, Math.max(1, now)); // a new thread in this position: count it from here
            }
            clocks.set(2 * worker + 1, now);
        }
    }

    /** The process's CPU since {@link #runStarted}, or {@link #UNKNOWN}. */
    long processNanos()
    {
        if (os == null || processAtStart < 0)
        {
            return UNKNOWN;
        }
        final long now = os.getProcessCpuTime();
        return now < 0 ? UNKNOWN : now - processAtStart;
    }

    /** The JIT compiler's time since {@link #runStarted} (millisecond resolution), or {@link #UNKNOWN}. */
    long compileNanos()
    {
        if (compiler == null || compileMillisAtStart < 0)
        {
            return UNKNOWN;
        }
        return Math.max(0, compiler.getTotalCompilationTime() - compileMillisAtStart) * 1_000_000;
    }

    /** The workers' CPU from each one's first batch to its last, or {@link #UNKNOWN}. */
    long workersNanos()
    {
        if (!threadClock)
        {
            return UNKNOWN;
        }
        long sum = 0;
        for (int w = 0; 2 * w < clocks.length(); w++)
        {
            final long first = clocks.get(2 * w);
            final long last = clocks.get(2 * w + 1);
            if (first > 0 && last >= first)
            {
                sum += last - first;
            }
        }
        return sum;
    }
}
