package dev.spindle.bench.seed;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The seed's schedule by its own cost model (estimatedTime = 10 × complexity, no overhead): batches
 * leave in order to the first free worker, as {@code processBatchesWithScheduling()} hands them out.
 * Makespan over the lower bound max(Σ file time / workers, longest file) is what batching alone costs.
 */
public final class SeedModel
{
    private SeedModel()
    {
    }

    public static double makespan(final List<SeedBatch> batches, final int workers)
    {
        final PriorityQueue<Double> free = new PriorityQueue<>();
        for (int w = 0; w < workers; w++)
        {
            free.add(0.0);
        }
        double makespan = 0;
        for (final SeedBatch batch : batches)
        {
            final double end = free.poll() + batch.estimatedTime();
            makespan = Math.max(makespan, end);
            free.add(end);
        }
        return makespan;
    }

    public static double lowerBound(final double[] complexity, final int workers)
    {
        double sum = 0;
        double max = 0;
        for (final double c : complexity)
        {
            sum += c * SeedBatcher.TIME_PER_COMPLEXITY;
            max = Math.max(max, c * SeedBatcher.TIME_PER_COMPLEXITY);
        }
        return Math.max(sum / workers, max);
    }
}
