package dev.spindle.tools.ml;

/**
 * Multinomial logistic regression over a file's term-weighted hashed features, L2-normalised:
 * score = softmax(W x + b), calibrated probabilities. Reads what the 256-d embedding mixes away
 * (fortunes top-1 0.26 -> 0.47, bench/RESULTS.md), at the price of categories x buckets floats
 * (256 KiB per category at 2^16 buckets) and of reading a file again when only its embedding is cached.
 */
public final class SparseLinearClassifier implements Classifier
{
    public static final String KIND = "sparse";

    private final int classes;
    private final int buckets;
    /** Bucket-major: the weights of bucket b are {@code [b * classes, (b + 1) * classes)}, one cache line or two per feature. */
    private final float[] weights;
    private final float[] bias;

    public SparseLinearClassifier(final int classes, final int buckets, final float[] weights, final float[] bias)
    {
        if (weights.length != classes * buckets || bias.length != classes)
        {
            throw new IllegalArgumentException("weights must be classes x buckets");
        }
        this.classes = classes;
        this.buckets = buckets;
        this.weights = weights;
        this.bias = bias;
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

    int buckets()
    {
        return buckets;
    }

    /** Shared, never written: bucket-major (see the field). */
    float[] weights()
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
        for (int c = 0; c < classes; c++)
        {
            scores[c] = 0;
        }
        for (int i = 0; i < n; i++)
        {
            final int at = ids[i] * classes;
            final double v = values[i] * scale;
            for (int c = 0; c < classes; c++)
            {
                scores[c] += weights[at + c] * v;
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
