package dev.spindle.bench;

import dev.spindle.bench.seed.SeedFile;
import dev.spindle.bench.seed.SeedFiles;
import dev.spindle.tools.FileItem;
import dev.spindle.tools.SeedCost;
import dev.spindle.tools.SeedPriority;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One deterministic workload of {@link EngineShootout}: per item a busy-loop cost (ns), a complexity
 * (what Spindle's budget and the seed's threshold count) and a priority, all drawn up front from a seed.
 * Synthetic workloads score complexity as nominal µs and one priority; the seed's workloads are files
 * ({@link #files}, {@link FileItem}s built once) scored by the seed's formulas ({@link SeedCost},
 * {@link SeedPriority}, as Spindle scores them) and burn {@link #SEED_NANOS_PER_COMPLEXITY} per complexity unit.
 */
final class ShootWorkload
{
    /** The seed estimates 10 ms per complexity unit; we burn 10 µs, so 1,000 files take ~0.25 s of CPU. */
    static final long SEED_NANOS_PER_COMPLEXITY = 10_000;

    /** Category lists of a seed file with 0-4 categories, urgent first when it is urgent: built once, shared by every item. */
    private static final List<List<String>> PLAIN = categoryLists(false);
    private static final List<List<String>> URGENT = categoryLists(true);

    final String name;
    final long[] cost;
    final double[] complexity;
    final int[] priority;
    /** The seed's workloads: item i as a file Spindle publishes ({@code FileItem.COPY}); null for the others. */
    final FileItem[] files;
    final long totalNanos;
    final long maxNanos;

    private ShootWorkload(final String name, final long[] cost, final double[] complexity, final int[] priority, final FileItem[] files)
    {
        this.name = name;
        this.files = files;
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
        return new ShootWorkload(name, cost, complexity.clone(), priority, null);
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
        return new ShootWorkload(name, cost, complexity, priority, null);
    }

    private static ShootWorkload seed(final String name, final List<SeedFile> seedFiles)
    {
        final int n = seedFiles.size();
        final long[] cost = new long[n];
        final double[] complexity = new double[n];
        final int[] priority = new int[n];
        final FileItem[] files = new FileItem[n];
        for (int i = 0; i < n; i++)
        {
            files[i] = file(seedFiles.get(i));
            complexity[i] = SeedCost.INSTANCE.cost(files[i]);
            priority[i] = SeedPriority.INSTANCE.priority(files[i]);
            cost[i] = Math.round(complexity[i] * SEED_NANOS_PER_COMPLEXITY);
        }
        return new ShootWorkload(name, cost, complexity, priority, files);
    }

    /**
     * A seed file as a {@link FileItem} with its index as id. The seed's urgent files are those with the
     * category "urgent" ({@code categories.includes('urgent')}), so an urgent file's list holds it as
     * one of its categories, and as its only one when {@link SeedFile} drew none: such a file (about 1 %)
     * scores 2 more than {@link SeedFile#complexity()}, which counts urgency apart from its categories.
     */
    static FileItem file(final SeedFile f)
    {
        final int flags = (f.embedding() ? FileItem.HAS_EMBEDDING : 0) | (f.analyzed() ? FileItem.ANALYZED : 0)
            | (f.userRequested() ? FileItem.USER_REQUESTED : 0) | (f.recentlyAccessed() ? FileItem.RECENTLY_ACCESSED : 0);
        final List<String> categories = f.urgent() ? URGENT.get(Math.max(1, f.categories())) : PLAIN.get(f.categories());
        return new FileItem().id(f.id()).key("seed-" + f.id()).sizeBytes(f.size()).contentLength(f.contentLength()).categories(categories)
            .flags(flags);
    }

    private static List<List<String>> categoryLists(final boolean urgent)
    {
        final List<List<String>> lists = new ArrayList<>();
        for (int n = 0; n <= 4; n++)
        {
            final List<String> names = new ArrayList<>();
            for (int k = 0; k < n; k++)
            {
                names.add(urgent && k == 0 ? "urgent" : "category-" + k);
            }
            lists.add(List.copyOf(names));
        }
        return List.copyOf(lists);
    }
}
