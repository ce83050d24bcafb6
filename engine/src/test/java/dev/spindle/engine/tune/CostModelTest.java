package dev.spindle.engine.tune;

import static dev.spindle.engine.tune.BatchFeatures.COMPLEXITY;
import static dev.spindle.engine.tune.BatchFeatures.FIXED;
import static dev.spindle.engine.tune.BatchFeatures.ITEMS;
import static dev.spindle.engine.tune.FileFeatures.FEATURES;
import static dev.spindle.engine.tune.FileFeatures.MEBIBYTES;
import static dev.spindle.engine.tune.FileFeatures.MISSING_EMBEDDINGS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cost model against synthetic workloads whose true cost is linear in the known features. */
class CostModelTest
{
    private static final double LAMBDA = 0.995;
    private static final int INTERVAL = 200;
    private static final double MIB = FileFeatures.BYTES_PER_MEBIBYTE;

    // The seed's assumption as the prior: 1 ms per batch, 10 ms per complexity unit (50 times too high here).
    private static final double PRIOR_FIXED = 1e6;
    private static final double PRIOR_PER_COMPLEXITY = 10e6;

    /** Nanoseconds per batch, item, complexity unit, MiB and missing embedding. */
    private static final double[] TRUTH = {5e6, 0.4e6, 0.2e6, 3e6, 2e6};

    private final double[] x = new double[FEATURES];

    @Test
    void convergesToTheTrueCostOnALinearWorkload()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        final double[] mape = new double[10];
        for (int i = 0; i < mape.length; i++)
        {
            for (int b = 0; b < INTERVAL; b++)
            {
                randomBatch(random, f);
                model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
            }
            final CostModel.IntervalError error = model.closeInterval();
            assertEquals(INTERVAL, error.samples());
            mape[i] = error.mape();
        }
        System.out.println("linear workload, MAPE per interval of " + INTERVAL + ": " + Arrays.toString(mape));
        // The first interval pays for the prior honestly: its first predictions come before any update.
        assertTrue(mape[0] > 0.10, () -> "first interval " + mape[0]);
        for (int i = 1; i < mape.length; i++)
        {
            assertTrue(mape[i] < 0.10, "interval " + i + " MAPE " + mape[i]);
        }
        // ±5 % uniform noise alone gives 2.5 %; a converged model adds little.
        assertTrue(mape[mape.length - 1] < 0.035, () -> "last interval MAPE " + mape[mape.length - 1]);

        // Tolerances are 4–5 standard deviations of each weight, measured over 1 000 seeds (sd / worst: fixed
        // 2.1 / 7.9 %, per item 9 / 36 %, per complexity 1.3 / 4.9 %, per MiB 1.3 / 5.0 %, per missing embedding
        // 2.9 / 10.5 %); this seed's fixed cost is a 3-sd draw. Per item is the loosest: with a memory of ~200
        // batches it is hard to tell apart from complexity, which grows with the item count.
        final double[] w = model.weights();
        System.out.println("learned weights " + Arrays.toString(w) + " truth " + Arrays.toString(TRUTH));
        assertEquals(TRUTH[FIXED], w[FIXED], 0.10 * TRUTH[FIXED], "fixed");
        assertEquals(TRUTH[ITEMS], w[ITEMS], 0.40 * TRUTH[ITEMS], "per item");
        assertEquals(TRUTH[COMPLEXITY], w[COMPLEXITY], 0.06 * TRUTH[COMPLEXITY], "per complexity");
        assertEquals(TRUTH[MEBIBYTES], w[MEBIBYTES], 0.07 * TRUTH[MEBIBYTES], "per MiB");
        assertEquals(TRUTH[MISSING_EMBEDDINGS], w[MISSING_EMBEDDINGS], 0.15 * TRUTH[MISSING_EMBEDDINGS], "per missing embedding");
        assertEquals(0, model.resets());
        assertEquals(0, model.rejected());
        assertEquals(2000, model.observations());
    }

    @Test
    void linearisationTurnsATargetTimeIntoAComplexityBudget()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        for (int b = 0; b < 2000; b++)
        {
            randomBatch(random, f);
            model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
        }
        // The recent mix, measured independently of the model.
        final FileFeatures mix = new FileFeatures();
        for (int b = 0; b < 2000; b++)
        {
            randomBatch(random, f);
            mix.set(mix.items() + f.items(), mix.complexity() + f.complexity(), mix.bytes() + f.bytes(),
                mix.missingEmbeddings() + f.missingEmbeddings());
        }
        final double itemsPerUnit = mix.items() / mix.complexity();
        final double mibPerUnit = mix.bytes() / MIB / mix.complexity();
        final double missingPerUnit = mix.missingEmbeddings() / mix.complexity();
        final double truePerUnit = TRUTH[COMPLEXITY] + TRUTH[ITEMS] * itemsPerUnit + TRUTH[MEBIBYTES] * mibPerUnit
            + TRUTH[MISSING_EMBEDDINGS] * missingPerUnit;

        final double perUnit = model.nanosPerComplexity();
        final double fixed = model.fixedNanosPerBatch();
        System.out.println("linearisation: fixed " + fixed + " ns, per complexity " + perUnit + " ns (true " + truePerUnit + ")");
        assertEquals(truePerUnit, perUnit, 0.03 * truePerUnit);
        assertEquals(TRUTH[FIXED], fixed, 0.25 * TRUTH[FIXED]);

        // A 100 ms target becomes a budget; a batch of the usual mix with that complexity takes about 100 ms.
        final double target = 100e6;
        final double budget = (target - fixed) / perUnit;
        final double trueTime = TRUTH[FIXED] + truePerUnit * budget;
        assertEquals(target, trueTime, 0.05 * target);
    }

    @Test
    void predictsThePriorBeforeAnyData()
    {
        final CostModel model = FileFeatures.model(LAMBDA, 2e6, 10e6);
        assertEquals(2e6 + 10e6 * 37.5, model.predictNanos(new FileFeatures().set(12, 37.5, 5 * 1024 * 1024, 3).f()), 1e-6);
        assertEquals(2e6, model.predictNanos(new FileFeatures().f()), 1e-6);
        assertArrayEquals(new double[] {2e6, 0, 10e6, 0, 0}, model.weights());
        assertEquals(2e6, model.fixedNanosPerBatch());
        assertEquals(10e6, model.nanosPerComplexity());
        assertEquals(0, model.observations());
        final CostModel.IntervalError empty = model.closeInterval();
        assertEquals(0, empty.samples());
        assertTrue(Double.isNaN(empty.mape()));
    }

    /** λ = 0.995 remembers ~200 batches, one interval: after a ×4 step in the per-complexity cost, 2 intervals miss. */
    @Test
    void recoversFromAStepChangeInPerComplexityCost()
    {
        final SplittableRandom random = new SplittableRandom(1234);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        for (int b = 0; b < 2000; b++)
        {
            randomBatch(random, f);
            model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
        }
        assertTrue(model.closeInterval().mape() < 0.10);

        final double[] stepped = TRUTH.clone();
        stepped[COMPLEXITY] *= 4;
        final double[] mape = new double[8];
        for (int i = 0; i < mape.length; i++)
        {
            for (int b = 0; b < INTERVAL; b++)
            {
                randomBatch(random, f);
                model.observe(f.f(), noisy(random, trueNanos(stepped, f)));
            }
            mape[i] = model.closeInterval().mape();
        }
        System.out.println("after a x4 step in the per-complexity cost, MAPE per interval: " + Arrays.toString(mape));
        int settled = 0;
        while (settled < mape.length && mape[settled] >= 0.10)
        {
            settled++;
        }
        // Intervals at or above 10 % before the model is back: measured 2 (52 %, 24 %, then 7 %), and 2 is also
        // the worst over 1 000 seeds; the per-complexity weight is back within 5 % after 8.
        assertTrue(settled <= 2, "took " + settled + " intervals: " + Arrays.toString(mape));
        for (int i = settled; i < mape.length; i++)
        {
            assertTrue(mape[i] < 0.10, "interval " + i + " relapsed: " + Arrays.toString(mape));
        }
        assertEquals(stepped[COMPLEXITY], model.weights()[COMPLEXITY], 0.05 * stepped[COMPLEXITY]);
    }

    @Test
    void identicalBatchesNeitherWindUpNorSwingTheWeights()
    {
        final SplittableRandom random = new SplittableRandom(99);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures same = new FileFeatures().set(16, 400, 8 * (long)MIB, 4);
        // Covariance-form RLS would have P ~ 0.995^-n in the four unexcited directions: overflow by n ≈ 140 000.
        for (int b = 0; b < 1_000_000; b++)
        {
            model.observe(same.f(), noisy(random, trueNanos(TRUTH, same)));
        }
        assertEquals(trueNanos(TRUTH, same), model.predictNanos(same.f()), 0.05 * trueNanos(TRUTH, same));
        assertSane(model, random);

        // One batch unlike all the others, then a few more alike.
        final FileFeatures odd = new FileFeatures().set(60, 30, 0, 50);
        model.observe(odd.f(), (long)trueNanos(TRUTH, odd));
        for (int b = 0; b < 100; b++)
        {
            model.observe(same.f(), noisy(random, trueNanos(TRUTH, same)));
        }
        assertSane(model, random);
        assertEquals(0, model.resets());
    }

    @Test
    void zeroComplexityLeavesThePerComplexityCostAtThePrior()
    {
        final SplittableRandom random = new SplittableRandom(5);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        double mape = Double.NaN;
        for (int i = 0; i < 10; i++)
        {
            for (int b = 0; b < INTERVAL; b++)
            {
                randomBatch(random, f);
                f.set(f.items(), 0, f.bytes(), f.missingEmbeddings());
                model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
            }
            mape = model.closeInterval().mape();
        }
        assertTrue(mape < 0.10, "MAPE " + mape);
        assertEquals(PRIOR_PER_COMPLEXITY, model.weights()[COMPLEXITY], 1e-9 * PRIOR_PER_COMPLEXITY);
        assertEquals(PRIOR_PER_COMPLEXITY, model.nanosPerComplexity(), 1e-9 * PRIOR_PER_COMPLEXITY);
        assertTrue(Double.isFinite(model.fixedNanosPerBatch()) && model.fixedNanosPerBatch() >= 0);
        assertSane(model, random);

        // Empty batches only: the intercept is all there is to learn.
        final CostModel empty = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        f.clear();
        for (int b = 0; b < 100_000; b++)
        {
            empty.observe(f.f(), 50_000);
        }
        assertEquals(50_000, empty.predictNanos(f.f()), 1);
        assertEquals(PRIOR_PER_COMPLEXITY, empty.nanosPerComplexity(), 1e-9 * PRIOR_PER_COMPLEXITY);
        assertSane(empty, random);
    }

    @Test
    void unusableSamplesAreIgnoredAndCounted()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        for (int b = 0; b < 500; b++)
        {
            randomBatch(random, f);
            model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
        }
        model.closeInterval();
        final double[] before = model.weights();

        model.observe(f.set(10, Double.NaN, 0, 0).f(), 1_000_000);
        model.observe(f.set(10, Double.POSITIVE_INFINITY, 0, 0).f(), 1_000_000);
        model.observe(f.set(10, Double.NEGATIVE_INFINITY, 0, 0).f(), 1_000_000);
        model.observe(f.set(10, -1, 0, 0).f(), 1_000_000);
        model.observe(f.set(-1, 10, 0, 0).f(), 1_000_000);
        model.observe(f.set(10, 10, -1, 0).f(), 1_000_000);
        model.observe(f.set(10, 10, 0, -1).f(), 1_000_000);
        model.observe(f.set(10, 10, 0, 0).f(), 0);
        model.observe(f.set(10, 10, 0, 0).f(), -5);

        assertEquals(9, model.rejected());
        assertEquals(500, model.observations());
        assertArrayEquals(before, model.weights());
        assertEquals(0, model.closeInterval().samples());
        assertSane(model, random);

        model.observe(f.set(10, 10, 0, 0).f(), (long)trueNanos(TRUTH, f));
        assertEquals(501, model.observations());
        assertEquals(9, model.rejected());
    }

    @Test
    void outliersMoveThePredictionLittle()
    {
        final SplittableRandom random = new SplittableRandom(21);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        for (int b = 0; b < 2000; b++)
        {
            randomBatch(random, f);
            model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
        }
        final FileFeatures typical = new FileFeatures().set(32, 700, 40 * (long)MIB, 16);
        final double before = model.predictNanos(typical.f());
        // Stalled by a GC pause: weighted by its own (100 × too long) time, it counts for 1/10 000 of a batch.
        model.observe(typical.f(), Math.round(100 * trueNanos(TRUTH, typical)));
        final double afterSlow = model.predictNanos(typical.f());
        assertEquals(before, afterSlow, 0.005 * before);
        // Failed at once: weighted by its prediction, it counts like one ordinary batch 100 % off (measured: 7.5 %
        // lower), not like the million batches that weighting by its own time would make of it. Better not feed
        // failures to the model at all.
        model.observe(typical.f(), 1);
        assertEquals(afterSlow, model.predictNanos(typical.f()), 0.10 * afterSlow);
        System.out.println("outliers: prediction " + before + " -> " + afterSlow + " (slow) -> " + model.predictNanos(typical.f()) + " (fast)");
    }

    @Test
    void observeAndPredictAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final SplittableRandom random = new SplittableRandom(3);
        final CostModel model = FileFeatures.model(LAMBDA, PRIOR_FIXED, PRIOR_PER_COMPLEXITY);
        final FileFeatures f = new FileFeatures();
        double sink = churn(model, f, random, 100_000);
        final long before = threads.getCurrentThreadAllocatedBytes();
        sink += churn(model, f, random, 100_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(sink > 0);
        assertTrue(allocated < 1024, "100 000 observe + 2 × predict calls allocated " + allocated + " bytes");
    }

    private double churn(final CostModel model, final FileFeatures f, final SplittableRandom random, final int n)
    {
        double sink = 0;
        for (int b = 0; b < n; b++)
        {
            f.set(1 + random.nextInt(64), random.nextDouble() * 500, random.nextLong(64 * (long)MIB), random.nextInt(10));
            sink += model.predictNanos(f.f());
            sink += model.predictNanos(f.f());
            model.observe(f.f(), noisy(random, trueNanos(TRUTH, f)));
        }
        return sink + model.nanosPerComplexity();
    }

    /** Predictions over a spread of batches: finite, not negative, within 20 × of the truth or the prior. */
    private void assertSane(final CostModel model, final SplittableRandom random)
    {
        final FileFeatures probe = new FileFeatures();
        for (int i = 0; i < 1000; i++)
        {
            randomBatch(random, probe);
            if (i % 3 == 0)
            {
                probe.set(probe.items(), 0, probe.bytes(), probe.missingEmbeddings());
            }
            final double predicted = model.predictNanos(probe.f());
            final double bound = 20 * Math.max(trueNanos(TRUTH, probe), PRIOR_FIXED + PRIOR_PER_COMPLEXITY * probe.complexity());
            assertTrue(Double.isFinite(predicted) && predicted >= 0 && predicted <= bound, () -> probe + " -> " + predicted);
        }
        for (final double w : model.weights())
        {
            assertTrue(Double.isFinite(w), () -> Arrays.toString(model.weights()));
        }
        assertTrue(Double.isFinite(model.nanosPerComplexity()) && model.nanosPerComplexity() >= 0);
    }

    /**
     * 1–64 items; each batch draws its own mix (size range, share without an embedding or analysis,
     * content length) so the features vary independently enough to be told apart; complexity follows
     * the seed formula, so it is still correlated with the rest.
     */
    private static void randomBatch(final SplittableRandom random, final FileFeatures f)
    {
        f.clear();
        final int n = 1 + random.nextInt(64);
        final double maxSize = random.nextDouble() * 4 * MIB;
        final double missing = random.nextDouble();
        final double analysed = random.nextDouble();
        final int maxContent = 1 + random.nextInt(20_000);
        for (int i = 0; i < n; i++)
        {
            final double u = random.nextDouble();
            final long size = (long)(u * u * maxSize);
            final boolean embedding = random.nextDouble() >= missing;
            final double complexity = Math.min(size / (100.0 * 1024), 20) + random.nextInt(maxContent) / 1000.0
                + 2 * random.nextInt(4) + (embedding ? 0 : 15) + (random.nextDouble() < analysed ? 0 : 10);
            f.addItem(complexity, size, embedding);
        }
    }

    private double trueNanos(final double[] weights, final FileFeatures f)
    {
        f.toVector(x);
        double t = 0;
        for (int i = 0; i < FEATURES; i++)
        {
            t += weights[i] * x[i];
        }
        return t;
    }

    /** ±5 % multiplicative, uniform. */
    private static long noisy(final SplittableRandom random, final double nanos)
    {
        return Math.round(nanos * (1 + 0.05 * (2 * random.nextDouble() - 1)));
    }
}
