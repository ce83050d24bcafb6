package dev.spindle.tools.ml;

import java.util.Random;

/**
 * Fits a {@link SparseLinearClassifier} by plain SGD, one file at a time, on the softmax
 * cross-entropy of its L2-normalised weighted features: each step touches only the file's buckets
 * (nnz x categories multiply-adds forward and back), with a step of RATE / sqrt(epoch). Early
 * stopping on a held-out tenth (a fixed choice by index hash) keeps the epoch with the lowest
 * held-out loss. Memory: the packed rows, one float per row, and the weights twice (the best
 * epoch's copy), categories x buckets floats each; values are unpacked and weighted as they are read.
 */
public final class SparseLogisticTrainer
{
    static final int MAX_EPOCHS = 10;
    static final int PATIENCE = 2;
    static final float RATE = 2f;
    /** The bias learns slower: it would otherwise swing with each file's class. */
    static final float BIAS_RATE = 0.1f;

    private final int classes;
    private final float[] w;
    private final float[] b;
    private final float[] s;
    private final double[] p;
    private final float[] idf;

    private SparseLogisticTrainer(final int classes, final int buckets, final TermWeights weights)
    {
        this.classes = classes;
        idf = new float[buckets];
        for (int i = 0; i < buckets; i++)
        {
            idf[i] = weights == null ? 1f : weights.weight(i);
        }
        w = new float[classes * buckets];
        b = new float[classes];
        s = new float[classes];
        p = new double[classes];
    }

    /**
     * @param rows    packed features per file ({@link LabelledFeatures})
     * @param labels  0..classes-1 per row
     * @param weights the term weights a run applies (null: none)
     * @param seed    shuffling seed: equal inputs and seed give the same model
     */
    public static SparseLinearClassifier train(final int[][] rows, final int[] labels, final int classes, final int buckets, final TermWeights weights,
        final long seed, final LogisticRegressionTrainer.Progress progress)
    {
        final int n = rows.length;
        final float[] scales = new float[n];
        for (int i = 0; i < n; i++)
        {
            scales[i] = inverseNorm(rows[i], weights);
        }
        int held = 0;
        final boolean[] heldOut = new boolean[n];
        if (n >= 50)
        {
            for (int i = 0; i < n; i++)
            {
                heldOut[i] = Integer.remainderUnsigned(i * 0x9E3779B1 ^ (int) seed, 10) == 0;
                held += heldOut[i] ? 1 : 0;
            }
        }
        final int[] train = new int[n - held];
        final int[] test = new int[held];
        for (int i = 0, t = 0, h = 0; i < n; i++)
        {
            if (heldOut[i])
            {
                test[h++] = i;
            }
            else
            {
                train[t++] = i;
            }
        }
        return new SparseLogisticTrainer(classes, buckets, weights).fit(rows, scales, labels, train, test, buckets, new Random(seed), progress);
    }

    /** 1 / the L2 norm of the row's weighted values: scaled by it, they are what the classifier's score sees. */
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

    private SparseLinearClassifier fit(final int[][] rows, final float[] scales, final int[] y, final int[] train, final int[] test,
        final int buckets, final Random random, final LogisticRegressionTrainer.Progress progress)
    {
        SparseLinearClassifier best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++)
        {
            shuffle(train, random);
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
                best = new SparseLinearClassifier(classes, buckets, w.clone(), b.clone());
                sinceBest = 0;
            }
            else if (++sinceBest >= PATIENCE)
            {
                break;
            }
        }
        return best != null ? best : new SparseLinearClassifier(classes, buckets, w.clone(), b.clone());
    }

    private void step(final int[] row, final float scale, final int label, final float rate)
    {
        forward(row, scale);
        p[label] -= 1;
        for (int c = 0; c < classes; c++)
        {
            s[c] = (float) p[c] * rate; // reused as the scaled gradient
            b[c] -= BIAS_RATE * s[c];
        }
        final int k = classes;
        for (int j = 0; j < row.length; j++)
        {
            final int bucket = LabelledFeatures.bucket(row[j]);
            final int at = bucket * k;
            final float x = LabelledFeatures.value(row[j]) * idf[bucket] * scale;
            for (int c = 0; c < k; c++)
            {
                w[at + c] -= s[c] * x;
            }
        }
    }

    /** p = softmax(W x + b). */
    private void forward(final int[] row, final float scale)
    {
        final int k = classes;
        java.util.Arrays.fill(s, 0f);
        for (int j = 0; j < row.length; j++)
        {
            final int bucket = LabelledFeatures.bucket(row[j]);
            final int at = bucket * k;
            final float x = LabelledFeatures.value(row[j]) * idf[bucket] * scale;
            for (int c = 0; c < k; c++)
            {
                s[c] += w[at + c] * x;
            }
        }
        for (int c = 0; c < k; c++)
        {
            p[c] = s[c];
        }
        SparseLinearClassifier.softmax(p, b, k);
    }

    private static void shuffle(final int[] order, final Random random)
    {
        for (int i = order.length - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
