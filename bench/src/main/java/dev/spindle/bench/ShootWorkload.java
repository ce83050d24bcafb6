package dev.spindle.bench;

import dev.spindle.bench.seed.SeedFile;
import dev.spindle.bench.seed.SeedFiles;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One deterministic workload of {@link EngineShootout}: per item a busy-loop cost (ns), a complexity
 * (what Spindle's budget and the seed's threshold count) and a priority, all drawn up front from a seed.
 * Synthetic workloads score complexity as nominal µs and one priority; the seed's workload uses the seed's
 * own complexity and priority and burns {@link #SEED_NANOS_PER_COMPLEXITY} per complexity unit.
 */
final class ShootWorkload
{
    /** The seed estimates 10 ms per complexity unit; we burn 10 µs, so 1,000 files take ~0.25 s of CPU. */
    static final long SEED_NANOS_PER_COMPLEXITY = 10_000;

    final String name;
    final long[] cost;
    final double[] complexity;
    final int[] priority;
    final long totalNanos;
    final long maxNanos;

    private ShootWorkload(final String name, final long[] cost, final double[] complexity, final int[] priority)
    {
        this.name = name;
        this.cost = cost;
        this.complexity = complexity;
        this.priority = priority;
        long total = 0;
        long max = 0;
        for (final long c : cost)
        {
            total += c;
            max = Math.max(max, c);
        }
        this.totalNanos = total;
        this.maxNanos = max;
    }

    int items()
    {
        return cost.length;
    }

    static ShootWorkload of(final String name, final int items, final long seed)
    {
        switch (name)
        {
            case "noop":
                return synthetic(name, new long[items]);
            case "tiny":
                final SplittableRandom random = new SplittableRandom(seed);
                final long[] tiny = new long[items];
                for (int i = 0; i < items; i++)
                {
                    tiny[i] = 500 + random.nextInt(1001); // uniform 0.5-1.5 us, mean 1 us
                }
                return synthetic(name, tiny);
            case "skewed":
                final SkewedWorkload skewed = new SkewedWorkload(items, seed);
                final long[] costs = new long[items];
                for (int i = 0; i < items; i++)
                {
                    costs[i] = skewed.costNanos(i);
                }
                return synthetic(name, costs);
            default:
                if (name.startsWith("seed"))
                {
                    return seed(name, SeedFiles.generate(items, seed));
                }
                throw new IllegalArgumentException("unknown workload " + name + " (noop, tiny, skewed, seed100, seed1000)");
        }
    }

    /**
     * Real files ({@link ShootFiles}): no synthetic cost to burn; each engine measures its own processing
     * time, so the nominal cost of 1 ns per item only marks the workload as one with work.
     */
    static ShootWorkload files(final String name, final double[] complexity)
    {
        final long[] cost = new long[complexity.length];
        java.util.Arrays.fill(cost, 1);
        final int[] priority = new int[complexity.length];
        java.util.Arrays.fill(priority, 50);
        return new ShootWorkload(name, cost, complexity.clone(), priority);
    }

    private static ShootWorkload synthetic(final String name, final long[] cost)
    {
        final double[] complexity = new double[cost.length];
        final int[] priority = new int[cost.length];
        for (int i = 0; i < cost.length; i++)
        {
            complexity[i] = cost[i] / 1_000.0;
            priority[i] = 50;
        }
        return new ShootWorkload(name, cost, complexity, priority);
    }

    private static ShootWorkload seed(final String name, final List<SeedFile> files)
    {
        final long[] cost = new long[files.size()];
        final double[] complexity = new double[files.size()];
        final int[] priority = new int[files.size()];
        for (int i = 0; i < cost.length; i++)
        {
            complexity[i] = files.get(i).complexity();
            priority[i] = files.get(i).priority();
            cost[i] = Math.round(complexity[i] * SEED_NANOS_PER_COMPLEXITY);
        }
        return new ShootWorkload(name, cost, complexity, priority);
    }
}
