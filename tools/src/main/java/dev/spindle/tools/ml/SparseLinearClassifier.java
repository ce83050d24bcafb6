package dev.spindle.tools.ml;

import java.util.Arrays;

/**
 * Multinomial logistic regression over a file's term-weighted hashed features, L2-normalised over
 * all of them: score = softmax(W x + b), calibrated probabilities, with W's columns limited to the
 * buckets {@link FeatureSelection} chose. Reads what the 256-d embedding mixes away (fortunes top-1
 * 0.26 -> 0.47, bench/RESULTS.md), at the price of columns x categories floats (64 KiB per category
 * at 16,384 columns) and of reading a file again when only its embedding is cached.
 */
public final class SparseLinearClassifier implements Classifier
{
    public static final String KIND = "sparse";

    private final int classes;
    /** The chosen buckets, ascending; column i is bucket columns[i]. */
    private final int[] columns;
    /** Per bucket its column, or -1. */
    private final int[] columnOf;
    /** Per column the weights of every category: one contiguous run per feature. */
    private final float[][] weights;
    private final float[] bias;

    public SparseLinearClassifier(final int buckets, final int[] columns, final float[][] weights, final float[] bias)
    {
        if (weights.length != columns.length || Arrays.stream(weights).anyMatch(row -> row.length != bias.length))
        {
            throw new IllegalArgumentException("weights must be columns x categories");
        }
        this.classes = bias.length;
        this.columns = columns;
        this.weights = weights;
        this.bias = bias;
        this.columnOf = columnOf(columns, buckets);
    }

    /** Per bucket its column in {@code columns} (ascending, each below {@code buckets}), or -1. */
    static int[] columnOf(final int[] columns, final int buckets)
    {
        final int[] of = new int[buckets];
        Arrays.fill(of, -1);
        for (int i = 0; i < columns.length; i++)
        {
            if (columns[i] < 0 || columns[i] >= buckets || (i > 0 && columns[i] <= columns[i - 1]))
            {
                throw new IllegalArgumentException("columns must be ascending buckets below " + buckets);
            }
            of[columns[i]] = i;
        }
        return of;
    }

    @Override
    public String kind()
    {
        return KIND;
    }

    @Override
    public int categories()
    {
        return classes;
    }

    @Override
    public boolean readsFeatures()
    {
        return true;
    }

    /** Shared, never written. */
    int[] columns()
    {
        return columns;
    }

    /** Shared, never written: [column][category]. */
    float[][] weights()
    {
        return weights;
    }

    float[] bias()
    {
        return bias;
    }

    @Override
    public void score(final float[] embedding, final SparseFeatures weighted, final double[] scores)
    {
        final int n = weighted.size();
        final int[] ids = weighted.bucketArray();
        final float[] values = weighted.valueArray();
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            norm += (double) values[i] * values[i];
        }
        final double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        Arrays.fill(scores, 0, classes, 0);
        for (int i = 0; i < n; i++)
        {
            final int column = columnOf[ids[i]];
            if (column < 0)
            {
                continue;
            }
            final float[] w = weights[column];
            final double v = values[i] * scale;
            for (int c = 0; c < classes; c++)
            {
                scores[c] += w[c] * v;
            }
        }
        softmax(scores, bias, classes);
    }

    /** scores[c] = softmax(scores + bias)[c], in place. */
    static void softmax(final double[] scores, final float[] bias, final int classes)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++)
        {
            scores[c] += bias[c];
            max = Math.max(max, scores[c]);
        }
        double total = 0;
        for (int c = 0; c < classes; c++)
        {
            scores[c] = Math.exp(scores[c] - max);
            total += scores[c];
        }
        for (int c = 0; c < classes; c++)
        {
            scores[c] /= total;
        }
    }
}
