package dev.spindle.tools.ml;

/**
 * The fixed random projection from hashed buckets to embedding dimensions: a buckets x dims
 * Rademacher matrix (entries +-1/sqrt(dims), one random bit each, so 2^16 x 256 builds in tens of
 * milliseconds where Gaussians would take ~10x longer), row-major as one float[dims] per bucket.
 * Separate row arrays cost a 16-byte header per row but let C2 vectorise the multiply (see BatchEmbedder).
 */
public final class Projection
{
    private final EmbeddingConfig config;
    private final float[][] rows;

    private Projection(final EmbeddingConfig config, final float[][] rows)
    {
        this.config = config;
        this.rows = rows;
    }

    /** Deterministic in {@code config.seed()}: equal configs give bit-identical matrices. */
    public static Projection create(final EmbeddingConfig config)
    {
        final int dims = config.dims();
        final int plus = Float.floatToRawIntBits((float)(1.0 / Math.sqrt(dims)));
        final float[][] rows = new float[config.buckets()][dims];
        long state = config.seed() ^ 0x6A09E667F3BCC909L;
        for (final float[] row : rows)
        {
            for (int k = 0; k < dims; k += 64)
            {
                state += 0x9E3779B97F4A7C15L;
                final long bits = splitMix(state);
                final int end = Math.min(dims, k + 64);
                for (int j = k; j < end; j++)
                {
                    // the sign bit straight from the random bit: no unpredictable branch per entry
                    row[j] = Float.intBitsToFloat(plus | (int)(bits >>> (j - k)) << 31);
                }
            }
        }
        return new Projection(config, rows);
    }

    public EmbeddingConfig config()
    {
        return config;
    }

    /** One float[dims] per bucket; shared and never written after {@link #create}. */
    float[][] rows()
    {
        return rows;
    }

    private static long splitMix(final long state)
    {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
