package dev.spindle.bench.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seed's batching, ported from {@code createAdaptiveBatches()} and {@code optimizeBatchDistribution()}:
 * files sorted by priority (high first) then complexity (low first), cut greedily when the next file would
 * push a batch over the complexity threshold and the batch already holds at least 3 files; then, while there
 * are fewer batches than workers, the largest batch (by file count, first on ties) is split at ceil(n / 2);
 * finally batches are ordered by priority, high first (stable, as JavaScript's sort is).
 * Trade-off (the seed's): one sort and a greedy pass before any work starts buy fewer dispatches, at the
 * price of a whole-input barrier and no balancing by cost, only by count.
 */
public final class SeedBatcher
{
    /** The seed's complexityThreshold at start. */
    public static final double START_THRESHOLD = 50;
    /** createAdaptiveBatches(): a batch is cut only once it holds this many files. */
    public static final int MIN_BATCH_FILES = 3;
    /** estimateProcessingTime(): complexity * 10. */
    public static final double TIME_PER_COMPLEXITY = 10;

    private SeedBatcher()
    {
    }

    /** Batches of item indices {@code 0..complexity.length-1}, in dispatch order. */
    public static List<SeedBatch> create(final double[] complexity, final int[] priority, final double threshold, final int workers)
    {
        final List<Integer> sorted = new ArrayList<>(complexity.length);
        for (int i = 0; i < complexity.length; i++)
        {
            sorted.add(i);
        }
        sorted.sort((a, b) -> priority[b] != priority[a] ? Integer.compare(priority[b], priority[a]) : Double.compare(complexity[a], complexity[b]));
        final List<SeedBatch> batches = new ArrayList<>();
        final List<Integer> current = new ArrayList<>();
        double currentComplexity = 0;
        for (final int file : sorted)
        {
            final boolean wouldExceedLimit = currentComplexity + complexity[file] > threshold;
            if (wouldExceedLimit && current.size() >= MIN_BATCH_FILES)
            {
                batches.add(SeedBatch.of(toArray(current, 0, current.size()), complexity, priority));
                current.clear();
                currentComplexity = 0;
            }
            current.add(file);
            currentComplexity += complexity[file];
        }
        if (!current.isEmpty())
        {
            batches.add(SeedBatch.of(toArray(current, 0, current.size()), complexity, priority));
        }
        return optimizeBatchDistribution(batches, complexity, priority, workers);
    }

    private static List<SeedBatch> optimizeBatchDistribution(final List<SeedBatch> batches, final double[] complexity, final int[] priority,
        final int workers)
    {
        while (batches.size() < workers && batches.stream().anyMatch(b -> b.size() > 2))
        {
            int largest = 0;
            for (int i = 1; i < batches.size(); i++)
            {
                if (batches.get(i).size() > batches.get(largest).size())
                {
                    largest = i;
                }
            }
            final int[] files = batches.get(largest).items();
            if (files.length <= 2)
            {
                break;
            }
            final int splitPoint = (files.length + 1) / 2;
            batches.set(largest, SeedBatch.of(java.util.Arrays.copyOfRange(files, 0, splitPoint), complexity, priority));
            batches.add(largest + 1, SeedBatch.of(java.util.Arrays.copyOfRange(files, splitPoint, files.length), complexity, priority));
        }
        batches.sort(Comparator.comparingInt(SeedBatch::priority).reversed());
        return batches;
    }

    private static int[] toArray(final List<Integer> list, final int from, final int to)
    {
        final int[] a = new int[to - from];
        for (int i = from; i < to; i++)
        {
            a[i - from] = list.get(i);
        }
        return a;
    }
}
