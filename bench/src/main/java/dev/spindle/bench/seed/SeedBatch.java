package dev.spindle.bench.seed;

/**
 * One batch of the seed's {@code createAdaptiveBatches()}: item indices, total complexity, estimated
 * time (the seed's {@code estimateBatchTime()}: 10 per complexity unit) and the highest member priority.
 */
public record SeedBatch(int[] items, double totalComplexity, double estimatedTime, int priority)
{
    static SeedBatch of(final int[] items, final double[] complexity, final int[] priority)
    {
        double total = 0;
        int highest = Integer.MIN_VALUE;
        for (final int i : items)
        {
            total += complexity[i];
            highest = Math.max(highest, priority[i]);
        }
        return new SeedBatch(items, total, total * SeedBatcher.TIME_PER_COMPLEXITY, highest);
    }

    public int size()
    {
        return items.length;
    }
}
