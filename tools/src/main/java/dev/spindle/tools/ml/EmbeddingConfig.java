package dev.spindle.tools.ml;

/**
 * Everything that decides an embedding: two runs with equal configs give bit-identical vectors, so
 * the cache and a trained model record {@link #fingerprint()} and refuse vectors made under another.
 *
 * @param dims          embedding dimensions (columns of the projection)
 * @param buckets       feature-hashing buckets (rows of the projection), a power of two
 * @param minGram       shortest character n-gram
 * @param maxGram       longest character n-gram
 * @param textCapBytes  how much of a file's start is tokenised and embedded; the rest is only counted
 * @param seed          seed of the projection matrix and of the feature hash
 * @param weighting     digest of the learned term weights applied before the projection ({@link TermWeights#digest()}), 0 for none
 */
public record EmbeddingConfig(int dims, int buckets, int minGram, int maxGram, int textCapBytes, long seed, long weighting)
{
    /**
     * Bump when the features or the projection change meaning, so old caches and models are refused.
     * 1: dense 2^16 x 256 sign matrix. 2: factored projection (high x low sign tables), optional term weights.
     */
    public static final int FORMAT_VERSION = 2;

    public static final EmbeddingConfig DEFAULT = new EmbeddingConfig(256, 1 << 16, 3, 5, 256 * 1024, 0x5317D1E5EEDL, 0);

    public EmbeddingConfig
    {
        if (dims < 1 || dims > 4096)
        {
            throw new IllegalArgumentException("dims must be 1..4096, was " + dims);
        }
        if (buckets < 64 || Integer.bitCount(buckets) != 1)
        {
            throw new IllegalArgumentException("buckets must be a power of two >= 64, was " + buckets);
        }
        if (minGram < 1 || maxGram < minGram || maxGram > 16)
        {
            throw new IllegalArgumentException("n-gram range must satisfy 1 <= min <= max <= 16, was " + minGram + ".." + maxGram);
        }
        if (textCapBytes < 1)
        {
            throw new IllegalArgumentException("text cap must be positive, was " + textCapBytes);
        }
    }

    public EmbeddingConfig withTextCap(final int bytes)
    {
        return new EmbeddingConfig(dims, buckets, minGram, maxGram, bytes, seed, weighting);
    }

    /** This config with the given term weights applied before the projection (null: none). */
    public EmbeddingConfig withWeights(final TermWeights weights)
    {
        return new EmbeddingConfig(dims, buckets, minGram, maxGram, textCapBytes, seed, weights == null ? 0 : weights.digest());
    }

    public EmbeddingConfig withSize(final int newDims, final int newBuckets)
    {
        return new EmbeddingConfig(newDims, newBuckets, minGram, maxGram, textCapBytes, seed, weighting);
    }

    /** A 64-bit digest of every field and {@link #FORMAT_VERSION}. */
    public long fingerprint()
    {
        long h = 0x9E3779B97F4A7C15L * (FORMAT_VERSION + 1);
        for (final long field : new long[] {dims, buckets, minGram, maxGram, textCapBytes, seed, weighting})
        {
            h ^= field;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
