package dev.spindle.bench.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's pool as ported: its formulas, its batcher, its tuner and every item run once; bounded, no timing asserted. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SeedPortTest
{
    @Test
    void complexityAndPriorityFollowTheSeedFormulas()
    {
        // 200 KiB -> size 2, content 3000 -> 3, 2 categories -> 4, no embedding 15, not analysed 10
        final SeedFile f = new SeedFile(0, 200 * 1024, 3000, 2, true, false, false, true, true);
        assertEquals(34.0, f.complexity(), 1e-9);
        assertEquals(100, f.priority()); // 50 + 30 + 20 + 25 capped
        final SeedFile small = new SeedFile(1, 5 * 1024, 0, 0, false, true, true, false, false);
        assertEquals(0.05, small.complexity(), 1e-9);
        assertEquals(60, small.priority());
        assertEquals(20.0, new SeedFile(2, 10L << 30, 0, 0, false, true, true, false, false).complexity(), 1e-9); // size score capped
    }

    @Test
    void greedyCutNeedsThreeFilesAndSplitsTheLargestUntilOnePerWorker()
    {
        final double[] c = new double[7];
        Arrays.fill(c, 10);
        final int[] p = new int[7];
        Arrays.fill(p, 50);
        assertEquals(List.of(5, 2), sizes(SeedBatcher.create(c, p, 50, 1)));
        // 5 + 2 -> split 5 at ceil(5/2) = 3 -> 3, 2, 2 -> split the 3 -> 2, 1, 2, 2
        assertEquals(List.of(2, 1, 2, 2), sizes(SeedBatcher.create(c, p, 50, 4)));
        // three files over the threshold still form one batch: a cut needs 3 files first
        assertEquals(List.of(3), sizes(SeedBatcher.create(new double[] {40, 40, 40}, new int[] {50, 50, 50}, 50, 1)));
        // a batch of two is never split
        assertEquals(List.of(2), sizes(SeedBatcher.create(new double[] {1, 1}, new int[] {50, 50}, 50, 4)));
    }

    @Test
    void filesSortByPriorityThenComplexityAndBatchesByPriority()
    {
        final double[] c = {5, 1, 3, 2, 4, 6};
        final int[] p = {50, 50, 90, 50, 90, 50};
        final List<SeedBatch> batches = SeedBatcher.create(c, p, 7, 1);
        // sorted: 2 (90, 3), 4 (90, 4), 1 (50, 1) | 3 (50, 2), 0 (50, 5), 5 (50, 6)
        assertArrayEquals(new int[] {2, 4, 1}, batches.get(0).items());
        assertEquals(90, batches.get(0).priority());
        assertArrayEquals(new int[] {3, 0, 5}, batches.get(1).items());
        assertEquals(130, batches.get(1).estimatedTime(), 1e-9);
    }

    @Test
    void seedFilesOnFourWorkersByTheSeedsOwnModel()
    {
        final List<SeedFile> files = SeedFiles.generate(100, 42);
        final double[] c = files.stream().mapToDouble(SeedFile::complexity).toArray();
        final int[] p = files.stream().mapToInt(SeedFile::priority).toArray();
        final List<SeedBatch> batches = SeedBatcher.create(c, p, SeedBatcher.START_THRESHOLD, 4);
        assertEquals(100, batches.stream().mapToInt(SeedBatch::size).sum());
        assertTrue(batches.stream().allMatch(b -> b.size() >= 1));
        final double ratio = SeedModel.makespan(batches, 4) / SeedModel.lowerBound(c, 4);
        System.out.printf("seed port: 100 files on 4 workers -> %d batches %s, makespan / LB by the seed's model %.3f%n", batches.size(),
            sizes(batches), ratio);
        assertTrue(ratio >= 1.0 && ratio < 1.5, "ratio " + ratio);
        // Deterministic: the same seed gives the same batches.
        assertEquals(sizes(batches), sizes(SeedBatcher.create(c, p, SeedBatcher.START_THRESHOLD, 4)));
    }

    @Test
    void poolRunsEveryItemOnceAndReportsEveryBatch() throws InterruptedException
    {
        final int n = 500;
        final double[] c = new double[n];
        final int[] p = new int[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = 1 + i % 17;
            p[i] = i % 3 == 0 ? 60 : 50;
        }
        final AtomicIntegerArray ran = new AtomicIntegerArray(n);
        final int[] reported = new int[n];
        try (SeedPool pool = new SeedPool(3, "test-seed", ran::incrementAndGet))
        {
            pool.calculate(c, p, (batch, now) -> Arrays.stream(batch.items()).forEach(i -> reported[i]++));
            pool.calculate(c, p, (batch, now) -> Arrays.stream(batch.items()).forEach(i -> reported[i]++));
        }
        for (int i = 0; i < n; i++)
        {
            assertEquals(2, ran.get(i));
            assertEquals(2, reported[i]);
        }
    }

    @Test
    void tunerMovesTheThresholdByTenPercentWithinItsBounds()
    {
        assertEquals(55, SeedTuner.next(50, 0), 1e-9);
        assertEquals(45, SeedTuner.next(50, 100), 1e-9);
        assertEquals(50, SeedTuner.next(50, 80), 1e-9);
        assertEquals(100, SeedTuner.next(95, 0), 1e-9);
        assertEquals(20, SeedTuner.next(21, 100), 1e-9);
    }

    private static List<Integer> sizes(final List<SeedBatch> batches)
    {
        final List<Integer> sizes = new ArrayList<>();
        batches.forEach(b -> sizes.add(b.size()));
        return sizes;
    }
}
