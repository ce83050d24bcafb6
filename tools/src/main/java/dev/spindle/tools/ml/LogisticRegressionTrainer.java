package dev.spindle.tools.ml;

import java.util.Random;

/**
 * Fits a {@link LinearClassifier} by minibatch Adam on the softmax cross-entropy with a little L2,
 * stopping early on a held-out tenth of the training set (a fixed choice by index hash): the weights
 * kept are those of the epoch with the lowest held-out loss. Inputs are scaled to unit variance per
 * dimension inside (x sqrt(dims)) and the scale folded back into the weights at the end. Memory is
 * the embeddings themselves plus four categories x dims arrays; time is ~epochs x files x categories x dims.
 */
public final class LogisticRegressionTrainer
{
    /** Reports each finished epoch: number, held-out loss and accuracy. */
    public interface Progress
    {
        void epoch(int epoch, double heldOutLoss, double heldOutAccuracy);
    }

    static final int MAX_EPOCHS = 60;
    static final int PATIENCE = 6;
    static final int MINIBATCH = 64;
    static final double LEARNING_RATE = 0.003;
    static final double L2 = 1e-5;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int classes;
    private final int dims;
    private final float scale;
    private final float[][] w;
    private final float[] b;
    private final float[][] gw;
    private final float[] gb;
    private final float[][] mw;
    private final float[][] vw;
    private final float[] mb;
    private final float[] vb;
    private final double[] p;
    private long steps;

    private LogisticRegressionTrainer(final int classes, final int dims)
    {
        this.classes = classes;
        this.dims = dims;
        this.scale = (float) Math.sqrt(dims);
        w = new float[classes][dims];
        b = new float[classes];
        gw = new float[classes][dims];
        gb = new float[classes];
        mw = new float[classes][dims];
        vw = new float[classes][dims];
        mb = new float[classes];
        vb = new float[classes];
        p = new double[classes];
    }

    /**
     * @param embeddings unit-length rows
     * @param labels     0..classes-1 per row
     * @param seed       shuffling seed: equal inputs and seed give the same model
     */
    public static LinearClassifier train(final float[][] embeddings, final int[] labels, final int classes, final int dims, final long seed,
        final Progress progress)
    {
        final int n = embeddings.length;
        final HeldOutSplit split = HeldOutSplit.of(n, seed);
        final LogisticRegressionTrainer trainer = new LogisticRegressionTrainer(classes, dims);
        return trainer.fit(embeddings, labels, split.train(), split.test(), new Random(seed), progress);
    }

    private LinearClassifier fit(final float[][] x, final int[] y, final int[] train, final int[] test, final Random random, final Progress progress)
    {
        LinearClassifier best = snapshot();
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++)
        {
            HeldOutSplit.shuffle(train, random);
            for (int start = 0; start < train.length; start += MINIBATCH)
            {
                step(x, y, train, start, Math.min(train.length, start + MINIBATCH));
            }
            if (test.length == 0)
            {
                best = snapshot();
                progress.epoch(epoch, Double.NaN, Double.NaN);
                continue;
            }
            double loss = 0;
            int correct = 0;
            for (final int i : test)
            {
                forward(x[i]);
                loss -= Math.log(Math.max(p[y[i]], 1e-12));
                correct += argmax(p) == y[i] ? 1 : 0;
            }
            loss /= test.length;
            progress.epoch(epoch, loss, (double) correct / test.length);
            if (loss < bestLoss - 1e-4)
            {
                bestLoss = loss;
                best = snapshot();
                sinceBest = 0;
            }
            else if (++sinceBest >= PATIENCE)
            {
                break;
            }
        }
        return best;
    }

    private void step(final float[][] x, final int[] y, final int[] order, final int from, final int to)
    {
        for (int c = 0; c < classes; c++)
        {
            java.util.Arrays.fill(gw[c], 0f);
        }
        java.util.Arrays.fill(gb, 0f);
        for (int k = from; k < to; k++)
        {
            final int i = order[k];
            forward(x[i]);
            p[y[i]] -= 1;
            final float[] row = x[i];
            for (int c = 0; c < classes; c++)
            {
                final float g = (float) p[c] * scale;
                final float[] grad = gw[c];
                for (int d = 0; d < dims; d++)
                {
                    grad[d] += g * row[d];
                }
                gb[c] += (float) p[c];
            }
        }
        final float inverseCount = 1f / (to - from);
        steps++;
        final double correction1 = 1 - Math.pow(BETA1, steps);
        final double correction2 = 1 - Math.pow(BETA2, steps);
        final float rate = (float) (LEARNING_RATE * Math.sqrt(correction2) / correction1);
        final float b1 = (float) BETA1;
        final float b2 = (float) BETA2;
        final float l2 = (float) L2;
        final float epsilon = (float) EPSILON;
        for (int c = 0; c < classes; c++)
        {
            final float[] wc = w[c];
            final float[] grad = gw[c];
            final float[] m = mw[c];
            final float[] v = vw[c];
            for (int d = 0; d < dims; d++)
            {
                final float g = grad[d] * inverseCount + l2 * wc[d];
                m[d] = b1 * m[d] + (1 - b1) * g;
                v[d] = b2 * v[d] + (1 - b2) * g * g;
                wc[d] -= rate * m[d] / ((float) Math.sqrt(v[d]) + epsilon);
            }
            final float g = gb[c] * inverseCount;
            mb[c] = b1 * mb[c] + (1 - b1) * g;
            vb[c] = b2 * vb[c] + (1 - b2) * g * g;
            b[c] -= rate * mb[c] / ((float) Math.sqrt(vb[c]) + epsilon);
        }
    }

    /** p = softmax(W (x scale) + b). */
    private void forward(final float[] row)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++)
        {
            final float[] wc = w[c];
            // four independent sums: the dot product is a chain of dependent adds otherwise
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int d = 0;
            for (; d + 3 < dims; d += 4)
            {
                s0 += wc[d] * row[d];
                s1 += wc[d + 1] * row[d + 1];
                s2 += wc[d + 2] * row[d + 2];
                s3 += wc[d + 3] * row[d + 3];
            }
            for (; d < dims; d++)
            {
                s0 += wc[d] * row[d];
            }
            p[c] = (double) (s0 + s1 + s2 + s3) * scale + b[c];
            max = Math.max(max, p[c]);
        }
        double total = 0;
        for (int c = 0; c < classes; c++)
        {
            p[c] = Math.exp(p[c] - max);
            total += p[c];
        }
        for (int c = 0; c < classes; c++)
        {
            p[c] /= total;
        }
    }

    private LinearClassifier snapshot()
    {
        final float[][] weights = new float[classes][dims];
        final float[] bias = new float[classes];
        for (int c = 0; c < classes; c++)
        {
            for (int d = 0; d < dims; d++)
            {
                weights[c][d] = w[c][d] * scale;
            }
            bias[c] = b[c];
        }
        return new LinearClassifier(weights, bias);
    }

    private static int argmax(final double[] v)
    {
        int best = 0;
        for (int i = 1; i < v.length; i++)
        {
            if (v[i] > v[best])
            {
                best = i;
            }
        }
        return best;
    }
}
