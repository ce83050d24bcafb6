package dev.spindle.tools.ml;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fits a {@link SparseLinearClassifier} by plain SGD, one file at a time, on the softmax
 * cross-entropy of its L2-normalised weighted features restricted to the chi-square columns
 * ({@link FeatureSelection}): each step touches only the file's columns, all categories forward and
 * those with a gradient above {@link #SKIP} back, with a step of RATE / sqrt(epoch). Early stopping
 * on a held-out tenth (a fixed choice by index hash) keeps the epoch with the lowest held-out loss.
 * Memory: each row again, packed to its chosen columns, and the weights twice (the best epoch's copy).
 */
public final class SparseLogisticTrainer
{
    /** Few: an epoch over 10,000 Java files costs ~0.7 s here; a fourth moved top-1 by under a point either way, ten added ~1 (bench/RESULTS.md). */
    static final int MAX_EPOCHS = 3;
    static final int PATIENCE = 2;
    static final float RATE = 2f;
    /** The bias learns slower: it would otherwise swing with each file's class. */
    static final float BIAS_RATE = 0.1f;
    /** A category whose probability is below this (and is not the label) is not updated: most of them, after an epoch. */
    static final float SKIP = 1e-2f;

    private final int classes;
    private final float[][] w;
    private final float[] b;
    private final float[] s;
    private final double[] p;
    private final int[] active;
    /** Per column the term weight of its bucket. */
    private final float[] idf;
    private float[] bestBias;

    private SparseLogisticTrainer(final int classes, final int[] columns, final TermWeights weights)
    {
        this.classes = classes;
        w = new float[columns.length][classes];
        b = new float[classes];
        s = new float[classes];
        p = new double[classes];
        active = new int[classes];
        idf = new float[columns.length];
        for (int i = 0; i < columns.length; i++)
        {
            idf[i] = weights == null ? 1f : weights.weight(columns[i]);
        }
    }

    /**
     * @param rows    packed features per file ({@link LabelledFeatures})
     * @param labels  0..classes-1 per row
     * @param weights the term weights a run applies (null: none)
     * @param columns how many buckets the classifier keeps (chi-square)
     * @param seed    shuffling seed: equal inputs and seed give the same model
     */
    public static SparseLinearClassifier train(final int[][] rows, final int[] labels, final int classes, final int buckets, final TermWeights weights,
        final int columns, final long seed, final LogisticRegressionTrainer.Progress progress)
    {
        final int[] chosen = FeatureSelection.chiSquare(rows, labels, classes, buckets, columns);
        final int[] columnOf = SparseLinearClassifier.columnOf(chosen, buckets);
        final int n = rows.length;
        final float[] scales = new float[n];
        final int[][] packed = new int[n][];
        // rows are independent: both cores, and the result does not depend on how they split them
        IntStream.range(0, n).parallel().forEach(i ->
        {
            scales[i] = inverseNorm(rows[i], weights);
            packed[i] = restricted(rows[i], columnOf);
        });
        final HeldOutSplit split = HeldOutSplit.of(n, seed);
        final SparseLogisticTrainer trainer = new SparseLogisticTrainer(classes, chosen, weights);
        final float[][] best = trainer.fit(packed, scales, labels, split.train(), split.test(), new Random(seed), progress);
        return new SparseLinearClassifier(buckets, chosen, best, trainer.bestBias);
    }

    /** 1 / the L2 norm of the row's weighted values over all its buckets, as the classifier's score normalises. */
    private static float inverseNorm(final int[] row, final TermWeights weights)
    {
        double norm = 0;
        for (final int packed : row)
        {
            final double v = LabelledFeatures.value(packed) * (weights == null ? 1f : weights.weight(LabelledFeatures.bucket(packed)));
            norm += v * v;
        }
        return norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
    }

    /** The row's features in chosen buckets, packed as (column << 8 | count). */
    private static int[] restricted(final int[] row, final int[] columnOf)
    {
        int kept = 0;
        for (final int packed : row)
        {
            kept += columnOf[LabelledFeatures.bucket(packed)] >= 0 ? 1 : 0;
        }
        final int[] out = new int[kept];
        int j = 0;
        for (final int packed : row)
        {
            final int column = columnOf[LabelledFeatures.bucket(packed)];
            if (column >= 0)
            {
                out[j++] = column << 8 | packed & 0xFF;
            }
        }
        return out;
    }

    private float[][] fit(final int[][] rows, final float[] scales, final int[] y, final int[] train, final int[] test, final Random random,
        final LogisticRegressionTrainer.Progress progress)
    {
        float[][] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++)
        {
            HeldOutSplit.shuffle(train, random);
            final float rate = (float) (RATE / Math.sqrt(epoch));
            for (final int i : train)
            {
                step(rows[i], scales[i], y[i], rate);
            }
            if (test.length == 0)
            {
                progress.epoch(epoch, Double.NaN, Double.NaN);
                continue;
            }
            double loss = 0;
            int correct = 0;
            for (final int i : test)
            {
                forward(rows[i], scales[i]);
                loss -= Math.log(Math.max(p[y[i]], 1e-12));
                int top = 0;
                for (int c = 1; c < classes; c++)
                {
                    top = p[c] > p[top] ? c : top;
                }
                correct += top == y[i] ? 1 : 0;
            }
            loss /= test.length;
            progress.epoch(epoch, loss, (double) correct / test.length);
            if (loss < bestLoss - 1e-4)
            {
                bestLoss = loss;
                best = copy(w);
                bestBias = b.clone();
                sinceBest = 0;
            }
            else if (++sinceBest >= PATIENCE)
            {
                break;
            }
        }
        if (best == null)
        {
            best = copy(w);
            bestBias = b.clone();
        }
        return best;
    }

    private static float[][] copy(final float[][] rows)
    {
        final float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++)
        {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    private void step(final int[] row, final float scale, final int label, final float rate)
    {
        forward(row, scale);
        p[label] -= 1;
        int n = 0;
        for (int c = 0; c < classes; c++)
        {
            final float g = (float) p[c] * rate;
            b[c] -= BIAS_RATE * g;
            if (Math.abs(p[c]) >= SKIP)
            {
                s[n] = g;
                active[n++] = c;
            }
        }
        for (final int packed : row)
        {
            final int column = packed >>> 8;
            final float x = LabelledFeatures.value(packed) * idf[column] * scale;
            final float[] wc = w[column];
            for (int a = 0; a < n; a++)
            {
                wc[active[a]] -= s[a] * x;
            }
        }
    }

    /** p = softmax(W x + b). */
    private void forward(final int[] row, final float scale)
    {
        final int k = classes;
        final float[] sum = s;
        Arrays.fill(sum, 0f);
        int j = 0;
        // four features per pass share one load and store of the sums (as BatchEmbedder's rows do)
        for (; j + 3 < row.length; j += 4)
        {
            final int c0 = row[j] >>> 8;
            final int c1 = row[j + 1] >>> 8;
            final int c2 = row[j + 2] >>> 8;
            final int c3 = row[j + 3] >>> 8;
            final float x0 = LabelledFeatures.value(row[j]) * idf[c0] * scale;
            final float x1 = LabelledFeatures.value(row[j + 1]) * idf[c1] * scale;
            final float x2 = LabelledFeatures.value(row[j + 2]) * idf[c2] * scale;
            final float x3 = LabelledFeatures.value(row[j + 3]) * idf[c3] * scale;
            final float[] w0 = w[c0];
            final float[] w1 = w[c1];
            final float[] w2 = w[c2];
            final float[] w3 = w[c3];
            for (int c = 0; c < k; c++)
            {
                sum[c] += x0 * w0[c] + x1 * w1[c] + x2 * w2[c] + x3 * w3[c];
            }
        }
        for (; j < row.length; j++)
        {
            final int column = row[j] >>> 8;
            final float x = LabelledFeatures.value(row[j]) * idf[column] * scale;
            final float[] wc = w[column];
            for (int c = 0; c < k; c++)
            {
                sum[c] += wc[c] * x;
            }
        }
        for (int c = 0; c < k; c++)
        {
            p[c] = sum[c];
        }
        SparseLinearClassifier.softmax(p, b, k);
    }
}
