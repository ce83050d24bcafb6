package dev.spindle.tools.ml;

import java.util.Arrays;

/**
 * Embeds files through the factored projection ({@link Projection}): a file's buckets arrive in
 * ascending order, so those sharing a high factor are contiguous; their values times the low rows
 * are summed into one dims-long partial, which is multiplied by the high row once per group. One
 * multiply-add per (bucket, dim) from tables that live in L2 (512 KiB), plus dims per group. Files
 * are independent, so a batch costs what its files cost one at a time and gives bit-identical
 * vectors; batching no longer has a 64 MiB matrix to amortise.
 */
public final class BatchEmbedder
{
    private final float[][] high;
    private final float[][] low;
    private final int lowBits;
    private final int lowMask;
    private final int dims;
    private final float[] partial;

    public BatchEmbedder(final Projection projection)
    {
        high = projection.high();
        low = projection.low();
        lowBits = projection.lowBits();
        lowMask = (1 << lowBits) - 1;
        dims = projection.config().dims();
        partial = new float[dims];
    }

    /**
     * {@code out[i]} (length dims, overwritten) = the L2-normalised product of the features of
     * {@code files[i]} and the projection, for i < count; a file without features gets all zeros.
     */
    public void embed(final SparseFeatures[] files, final int count, final float[][] out)
    {
        for (int i = 0; i < count; i++)
        {
            embed(files[i], out[i]);
        }
    }

    private void embed(final SparseFeatures file, final float[] acc)
    {
        Arrays.fill(acc, 0, dims, 0f);
        final int size = file.size();
        final int[] buckets = file.bucketArray();
        final float[] values = file.valueArray();
        final float[] t = partial;
        final int d = dims;
        int c = 0;
        while (c < size)
        {
            final int group = buckets[c] >>> lowBits;
            final int groupEnd = groupEnd(buckets, c, size, group);
            Arrays.fill(t, 0f);
            // four rows per pass share one load and store of the partial (as the dense multiply measured: 2.4x)
            while (c + 3 < groupEnd)
            {
                final float v0 = values[c];
                final float v1 = values[c + 1];
                final float v2 = values[c + 2];
                final float v3 = values[c + 3];
                final float[] w0 = low[buckets[c] & lowMask];
                final float[] w1 = low[buckets[c + 1] & lowMask];
                final float[] w2 = low[buckets[c + 2] & lowMask];
                final float[] w3 = low[buckets[c + 3] & lowMask];
                for (int k = 0; k < d; k++)
                {
                    t[k] += v0 * w0[k] + v1 * w1[k] + v2 * w2[k] + v3 * w3[k];
                }
                c += 4;
            }
            while (c < groupEnd)
            {
                final float v = values[c];
                final float[] w = low[buckets[c] & lowMask];
                for (int k = 0; k < d; k++)
                {
                    t[k] += v * w[k];
                }
                c++;
            }
            final float[] h = high[group];
            for (int k = 0; k < d; k++)
            {
                acc[k] += h[k] * t[k];
            }
        }
        normalise(acc);
    }

    private int groupEnd(final int[] buckets, final int from, final int size, final int group)
    {
        int end = from + 1;
        while (end < size && buckets[end] >>> lowBits == group)
        {
            end++;
        }
        return end;
    }

    private void normalise(final float[] v)
    {
        double sum = 0;
        for (int k = 0; k < dims; k++)
        {
            sum += (double) v[k] * v[k];
        }
        if (sum > 0)
        {
            final float scale = (float) (1.0 / Math.sqrt(sum));
            for (int k = 0; k < dims; k++)
            {
                v[k] *= scale;
            }
        }
    }
}
