package dev.spindle.tools.ml;

/**
 * The fixed random projection from hashed buckets to embedding dimensions, a buckets x dims matrix
 * of +-1/sqrt(dims) signs held in factored form: bucket r = (high, low) has the row
 * {@code high(r) (.) low(r)}, the elementwise product of a row of a "high" and of a "low" sign
 * table (256 x 256 each at 2^16 buckets: 2 x 256 KiB where the dense matrix took 64 MiB, so the
 * whole projection stays in L2). Every row is still a vector of independent-looking random signs
 * and rows are pairwise uncorrelated; the price is that rows sharing a factor are not independent
 * beyond pairs (x-x'-y-y' products multiply to 1), which the corpora measured in bench/RESULTS.md
 * did not notice.
 */
public final class Projection
{
    private final EmbeddingConfig config;
    private final int lowBits;
    private final float[][] high;
    private final float[][] low;

    private Projection(final EmbeddingConfig config, final int lowBits, final float[][] high, final float[][] low)
    {
        this.config = config;
        this.lowBits = lowBits;
        this.high = high;
        this.low = low;
    }

    /** Deterministic in {@code config.seed()}: equal configs give bit-identical tables. */
    public static Projection create(final EmbeddingConfig config)
    {
        final int bits = Integer.numberOfTrailingZeros(config.buckets());
        final int lowBits = (bits + 1) / 2;
        // each factor +-dims^-1/4, so every product is +-dims^-1/2 (exact in float when dims is a power of 16, as 256 is)
        final float magnitude = (float) Math.pow(config.dims(), -0.25);
        long state = config.seed() ^ 0x6A09E667F3BCC909L;
        final float[][] low = new float[1 << lowBits][config.dims()];
        state = fill(low, magnitude, state);
        final float[][] high = new float[1 << (bits - lowBits)][config.dims()];
        fill(high, magnitude, state);
        return new Projection(config, lowBits, high, low);
    }

    private static long fill(final float[][] rows, final float magnitude, final long seedState)
    {
        long state = seedState;
        final int plus = Float.floatToRawIntBits(magnitude);
        for (final float[] row : rows)
        {
            for (int k = 0; k < row.length; k += 64)
            {
                state += 0x9E3779B97F4A7C15L;
                final long bits = splitMix(state);
                final int end = Math.min(row.length, k + 64);
                for (int j = k; j < end; j++)
                {
                    // the sign bit straight from the random bit: no unpredictable branch per entry
                    row[j] = Float.intBitsToFloat(plus | (int) (bits >>> (j - k)) << 31);
                }
            }
        }
        return state;
    }

    public EmbeddingConfig config()
    {
        return config;
    }

    /** Bucket r's low factor is {@code low()[r & (2^lowBits - 1)]}, its high factor {@code high()[r >>> lowBits]}. */
    int lowBits()
    {
        return lowBits;
    }

    /** Shared and never written after {@link #create}. */
    float[][] high()
    {
        return high;
    }

    /** Shared and never written after {@link #create}. */
    float[][] low()
    {
        return low;
    }

    /** Entry (bucket, dim) of the matrix this stands for, for tests and checks: high x low. */
    float entry(final int bucket, final int dim)
    {
        return high[bucket >>> lowBits][dim] * low[bucket & ((1 << lowBits) - 1)][dim];
    }

    private static long splitMix(final long state)
    {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
