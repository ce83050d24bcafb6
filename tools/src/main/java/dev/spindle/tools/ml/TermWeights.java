package dev.spindle.tools.ml;

import java.util.Arrays;

/**
 * Learned inverse document frequency per hashed bucket, applied to a file's (already sublinear,
 * log1p) term frequencies before the projection: idf = ln((1 + docs) / (1 + df)) + 1, so a bucket in
 * every document keeps weight 1 and a rare one weighs up to ~ln(docs) + 1. One float per bucket
 * (256 KiB at 2^16 buckets); the weights change the embedding, so {@link #digest()} enters the config.
 */
public final class TermWeights
{
    private final float[] weights;
    private final long documents;

    private TermWeights(final float[] weights, final long documents)
    {
        this.weights = weights;
        this.documents = documents;
    }

    /** From document frequencies over {@code documents} documents. */
    public static TermWeights idf(final int[] documentFrequency, final long documents)
    {
        final float[] weights = new float[documentFrequency.length];
        for (int b = 0; b < weights.length; b++)
        {
            weights[b] = (float)(Math.log((1.0 + documents) / (1.0 + documentFrequency[b])) + 1.0);
        }
        return new TermWeights(weights, documents);
    }

    /** As stored in a model file. */
    public static TermWeights of(final float[] weights, final long documents)
    {
        return new TermWeights(weights.clone(), documents);
    }

    public int buckets()
    {
        return weights.length;
    }

    public float weight(final int bucket)
    {
        return weights[bucket];
    }

    /** How many documents the frequencies were counted over. */
    public long documents()
    {
        return documents;
    }

    /** Multiplies every value of {@code features} by its bucket's weight, in place. */
    public void apply(final SparseFeatures features)
    {
        final int[] buckets = features.bucketArray();
        final float[] values = features.valueArray();
        for (int i = 0; i < features.size(); i++)
        {
            values[i] *= weights[buckets[i]];
        }
    }

    /** A nonzero 64-bit digest of the weights: equal weights, equal digest. */
    public long digest()
    {
        long h = Arrays.hashCode(weights) * 0x9E3779B97F4A7C15L + documents;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }
}
