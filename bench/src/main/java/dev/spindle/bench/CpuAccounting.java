package dev.spindle.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the CPU went during a run: the producer (the thread running the shootout), the engine's
 * threads by role (from ThreadMXBean, sampled before the engine stops: {@code <prefix>-cutter} when
 * a cutter thread cuts, else the workers cut and their time holds it; {@code <prefix>-worker-N};
 * {@code <prefix>-housekeeping}, the tuner and watchdog), the rest of this JVM (GC,
 * JIT: this process's CPU from /proc/self/stat minus the threads above) and other processes (the
 * whole machine's busy time from /proc/stat minus this process's). Linux only; NaN elsewhere.
 */
record CpuAccounting(long wallNanos, long producerNanos, long cutterNanos, long workersNanos, long serviceNanos,
    double jvmOtherNanos, double otherProcessCores)
{
    static final CpuAccounting NONE = new CpuAccounting(0, 0, 0, 0, 0, Double.NaN, Double.NaN);
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ: 100 on Linux

    /** Set by --threads: print every thread of this JVM (native ones included) that used 10 ms or more in a run. */
    static boolean listThreads;

    static Start start()
    {
        return new Start(System.nanoTime(), MX.getCurrentThreadCpuTime(), procTicks(), listThreads ? taskTicks() : Map.of());
    }

    record Start(long wall, long producer, long[] ticks, Map<String, Long> tasks)
    {
        CpuAccounting stop(final String prefix)
        {
            if (listThreads)
            {
                final Map<String, Long> now = taskTicks();
                final StringBuilder line = new StringBuilder("  threads (ms of CPU, >= 10):");
                now.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - tasks.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() >= 1)
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> line.append(' ').append(e.getKey().substring(e.getKey().indexOf(' ') + 1)).append('=')
                        .append(Math.round(e.getValue() * NANOS_PER_TICK / 1e6)));
                System.out.println(line);
            }
            final long wallEnd = System.nanoTime();
            final long producerEnd = MX.getCurrentThreadCpuTime();
            long cutter = 0;
            long workersCpu = 0;
            long service = 0;
            for (final long id : MX.getAllThreadIds())
            {
                final ThreadInfo info = MX.getThreadInfo(id);
                final long t = MX.getThreadCpuTime(id);
                if (info == null || t < 0)
                {
                    continue;
                }
                final String name = info.getThreadName();
                if (!name.startsWith(prefix))
                {
                    continue;
                }
                final String role = name.substring(prefix.length());
                if (role.startsWith("cutter"))
                {
                    cutter += t;
                }
                else if (role.startsWith("worker"))
                {
                    workersCpu += t;
                }
                else
                {
                    service += t; // housekeeping: the tuner, the intervals and the watchdog
                }
            }
            final long[] ticksEnd = procTicks();
            final double wallNanos = wallEnd - wall;
            double jvmOther = Double.NaN;
            double others = Double.NaN;
            if (ticks != null && ticksEnd != null)
            {
                final double self = (ticksEnd[1] - ticks[1]) * NANOS_PER_TICK;
                final double machine = (ticksEnd[0] - ticks[0]) * NANOS_PER_TICK;
                jvmOther = self - (producerEnd - producer) - cutter - workersCpu - service;
                others = (machine - self) / wallNanos;
            }
            return new CpuAccounting(wallEnd - wall, producerEnd - producer, cutter, workersCpu, service, jvmOther, others);
        }
    }

    /** "tid name" → utime + stime ticks of every thread of this process; empty when /proc cannot be read. */
    private static Map<String, Long> taskTicks()
    {
        final Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                try
                {
                    final String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    final String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    final String[] g = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(g[14 - 3]) + Long.parseLong(g[15 - 3]));
                }
                catch (final IOException | RuntimeException e)
                {
                    // the thread ended meanwhile
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            return Map.of();
        }
        return ticks;
    }

    /** {machine busy ticks, this process's ticks}, or null when /proc cannot be read. */
    private static long[] procTicks()
    {
        try
        {
            final String stat = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
            final String[] f = stat.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            final long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            final String self = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            final String[] g = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the command: state(3) ppid(4) ... utime(14) stime(15)
            final long own = Long.parseLong(g[14 - 3]) + Long.parseLong(g[15 - 3]);
            return new long[] {busy, own};
        }
        catch (final IOException | RuntimeException e)
        {
            return null;
        }
    }
}
