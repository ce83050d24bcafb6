package dev.spindle.tools.ml;

import java.lang.reflect.Array;

/**
 * Labelled training rows, one per file: the row itself ({@code int[]} packed features or a {@code float[]}
 * embedding), its category and a stable hash that places it in a K-fold split. A fold shares the rows, not copies.
 *
 * @param names categories in name order
 * @param x     one row per file
 * @param y     label per row, an index into {@code names}
 * @param fold  a stable hash per row for K-fold splits
 * @param <X>   the row type
 */
public record LabelledRows<X>(String[] names, X[] x, int[] y, int[] fold)
{
    public int classes()
    {
        return names.length;
    }

    public long[] counts()
    {
        final long[] counts = new long[names.length];
        for (final int label : y)
        {
            counts[label]++;
        }
        return counts;
    }

    /** The rows whose fold hash mod {@code folds} is (or, with {@code inFold} false, is not) {@code k}. */
    public LabelledRows<X> fold(final int folds, final int k, final boolean inFold)
    {
        int n = 0;
        for (final int f : fold)
        {
            n += (f % folds == k) == inFold ? 1 : 0;
        }
        @SuppressWarnings("unchecked")
        final X[] fx = (X[])Array.newInstance(x.getClass().getComponentType(), n);
        final int[] fy = new int[n];
        final int[] ff = new int[n];
        for (int i = 0, j = 0; i < y.length; i++)
        {
            if ((fold[i] % folds == k) == inFold)
            {
                fx[j] = x[i];
                fy[j] = y[i];
                ff[j++] = fold[i];
            }
        }
        return new LabelledRows<>(names, fx, fy, ff);
    }
}
