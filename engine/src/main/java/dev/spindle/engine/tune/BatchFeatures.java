package dev.spindle.engine.tune;

import java.util.Arrays;

/**
 * One batch's features as the {@link CostModel} sees them: item count, summed complexity and the
 * sums of the cost function's own per-item features (none by default; a file processor may name
 * size and cache misses, say). Mutable and meant to be reused, so describing a batch allocates
 * nothing; it checks nothing either, the model rejects what it cannot use.
 */
public final class BatchFeatures
{
    /** Positions in the feature vector, and in {@link CostModel#weights()}; the cost function's features follow from {@link #EXTRA}. */
    public static final int FIXED = 0;
    public static final int ITEMS = 1;
    public static final int COMPLEXITY = 2;
    public static final int EXTRA = 3;

    private int items;
    private double complexity;
    private final double[] extras;

    /** Features for a cost function that names {@code extraFeatures} of its own. */
    public BatchFeatures(final int extraFeatures)
    {
        this.extras = new double[extraFeatures];
    }

    /** {@code extraSums[offset ..]} holds the batch's sums of the extra features. */
    public BatchFeatures set(final int items, final double complexity, final double[] extraSums, final int offset)
    {
        this.items = items;
        this.complexity = complexity;
        System.arraycopy(extraSums, offset, extras, 0, extras.length);
        return this;
    }

    public BatchFeatures set(final int items, final double complexity, final double... extraSums)
    {
        return set(items, complexity, extraSums, 0);
    }

    public BatchFeatures clear()
    {
        items = 0;
        complexity = 0;
        Arrays.fill(extras, 0);
        return this;
    }

    /** The vector length: 3 plus the extra features. */
    public int length()
    {
        return EXTRA + extras.length;
    }

    public int items()
    {
        return items;
    }

    public double complexity()
    {
        return complexity;
    }

    public double extra(final int k)
    {
        return extras[k];
    }

    /** Writes x = [1, items, complexity, extras...]. */
    public void toVector(final double[] x)
    {
        x[FIXED] = 1;
        x[ITEMS] = items;
        x[COMPLEXITY] = complexity;
        System.arraycopy(extras, 0, x, EXTRA, extras.length);
    }

    /** False when the model cannot learn from it: a negative count or extra, or a complexity that is negative or not finite. */
    boolean usable()
    {
        if (items < 0 || !(complexity >= 0) || Double.isInfinite(complexity))
        {
            return false;
        }
        for (final double extra : extras)
        {
            if (!(extra >= 0) || Double.isInfinite(extra))
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        return "BatchFeatures{items=" + items + ", complexity=" + complexity + ", extras=" + Arrays.toString(extras) + '}';
    }
}
