package dev.spindle.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The tables {@link TunerShootout} prints: the closed-batch table, the open-loop latency table, and under
 * each the CPU table (where the CPU went, per thread role and outside the JVM).
 */
final class ShootoutTables
{
    private ShootoutTables()
    {
    }

    static void printTable(final List<ClosedResult> results)
    {
        System.out.printf(Locale.ROOT, "%-12s %9s %8s %7s %9s %6s %6s %10s %9s %9s %8s %9s %5s%n",
            "engine", "makespan", "LB", "mk/LB", "mk/LBnom", "util", "infl", "items/s", "e2e p50", "e2e p99", "batches", "items/b", "load");
        for (final ClosedResult r : results)
        {
            System.out.printf(Locale.ROOT, "%-12s %9.1f %8.1f %7.4f %9.4f %6.4f %6.4f %,10.0f %9.2f %9.2f %,8d %9.2f %5.2f%n",
                r.name, r.makespan / 1e6, r.lowerBound() / 1e6, r.ratio(), r.nominalRatio(), r.utilization(), r.inflation(),
                r.itemsPerSecond(), r.p50 / 1e6, r.p99 / 1e6, r.batches, r.meanBatchItems, r.loadBefore);
        }
        System.out.println("  LB = max(sum measured item time / workers, max measured item); LBnom the same from nominal costs;");
        System.out.println("  util = sum measured / (workers x makespan); infl = sum measured / sum nominal (preemption inside items);");
        System.out.println("  e2e from the actual submit; load = 1-min load average before the run");
        printCpu(results.stream().map(r -> new Named(r.name, r.cpu, r.busy)).toList());
    }

    private record Named(String name, CpuAccounting cpu, long busy)
    {
    }

    private static void printCpu(final List<Named> rows)
    {
        System.out.printf(Locale.ROOT, "%-14s %8s %9s %8s %9s %9s %9s %9s %12s%n", "CPU, ms", "wall", "producer", "cutter", "workers",
            "tuner+wd", "jvm other", "others*", "wkr CPU/busy");
        for (final Named n : rows)
        {
            final CpuAccounting c = n.cpu;
            System.out.printf(Locale.ROOT, "%-14s %8.1f %9.1f %8.1f %9.1f %9.1f %9.0f %9.2f %12.3f%n", n.name, c.wallNanos() / 1e6,
                c.producerNanos() / 1e6, c.cutterNanos() / 1e6, c.workersNanos() / 1e6, c.serviceNanos() / 1e6, c.jvmOtherNanos() / 1e6,
                c.otherProcessCores(), n.busy == 0 ? Double.NaN : (double)c.workersNanos() / n.busy);
        }
        System.out.println("  * cores used by other processes during the run (the machine is shared); wkr CPU/busy = worker threads' CPU time /");
        System.out.println("    measured item time (below 1: items were preempted mid-loop, their wall time counted as work)");
    }

    static void printPaced(final List<PacedResult> paced, final Duration target)
    {
        System.out.printf(Locale.ROOT, "%-14s %9s %8s %9s %9s %9s %10s %12s %11s %10s %6s %6s %8s %7s%n",
            "engine", "items", "p50", "p99", "p99.9", "max", "p99 settled", "engine p99*", "send lag p99", "vs target", "util", "infl",
            "batches", "items/b");
        for (final PacedResult p : paced)
        {
            System.out.printf(Locale.ROOT, "%-14s %,9d %8.1f %9.1f %9.1f %9.1f %10.1f %12s %11.1f %10s %6.3f %6.3f %8s %7.2f%n",
                p.name, p.items, p.all.getValueAtPercentile(50) / 1e3, p.all.getValueAtPercentile(99) / 1e3,
                p.all.getValueAtPercentile(99.9) / 1e3, p.all.getMaxValue() / 1e3, p.settled.getValueAtPercentile(99) / 1e3,
                p.engineP99 < 0 ? "-" : String.format(Locale.ROOT, "%.1f", p.engineP99 / 1e3), p.sendLag.getValueAtPercentile(99) / 1e3,
                String.format(Locale.ROOT, "%.2fx", p.all.getValueAtPercentile(99) / (double)target.toNanos()), p.utilization, p.inflation,
                p.batches < 0 ? "-" : String.format(Locale.ROOT, "%,d", p.batches), p.batches < 0 ? 1.0 : p.meanBatchItems);
        }
        System.out.println("  * the engine's own end-to-end p99, from the actual submit, all items; util = sum measured item time / (workers x span)");
        printCpu(paced.stream().map(p -> new Named(p.name, p.cpu, p.busy)).toList());
    }
}
