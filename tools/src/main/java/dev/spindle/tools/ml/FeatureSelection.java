package dev.spindle.tools.ml;

import java.util.Arrays;

/**
 * Picks the sparse classifier's columns: the {@code columns} hashed buckets with the highest
 * chi-square score against the labels (the best over the categories of the 2 x 2 table "in the
 * category / has the bucket", by document counts), buckets in fewer than two files left out. Bounds
 * the model to columns x categories floats and keeps the fit's weights in L2 (16,384 columns x 68
 * categories = 4.4 MiB); the corpora measured in bench/RESULTS.md lost no top-1 at 16,384 of 65,536.
 */
public final class FeatureSelection
{
    public static final int DEFAULT_COLUMNS = 16_384;

    private FeatureSelection()
    {
    }

    /** The chosen buckets in ascending order (at most {@code columns}; fewer when fewer occur twice). */
    public static int[] chiSquare(final int[][] rows, final int[] labels, final int classes, final int buckets, final int columns)
    {
        final int[][] inClass = new int[classes][buckets];
        final int[] all = new int[buckets];
        final int[] perClass = new int[classes];
        for (int i = 0; i < rows.length; i++)
        {
            perClass[labels[i]]++;
            final int[] counts = inClass[labels[i]];
            for (final int packed : rows[i])
            {
                final int b = LabelledFeatures.bucket(packed);
                counts[b]++;
                all[b]++;
            }
        }
        final double n = rows.length;
        final long[] ranked = new long[buckets];
        int candidates = 0;
        for (int b = 0; b < buckets; b++)
        {
            if (all[b] < 2)
            {
                continue;
            }
            double best = 0;
            for (int c = 0; c < classes; c++)
            {
                final double a = inClass[c][b];
                final double notC = all[b] - a;
                final double missing = perClass[c] - a;
                final double neither = n - a - notC - missing;
                final double denominator = (a + missing) * (notC + neither) * (a + notC) * (missing + neither);
                if (denominator > 0)
                {
                    final double d = a * neither - missing * notC;
                    best = Math.max(best, n * d * d / denominator);
                }
            }
            // the score's float bits order like the score (non-negative); ties go to the lower bucket
            ranked[candidates++] = (long) Float.floatToIntBits((float) best) << 32 | (buckets - 1 - b);
        }
        final long[] sorted = Arrays.copyOf(ranked, candidates);
        Arrays.sort(sorted);
        final int kept = Math.min(columns, candidates);
        final int[] chosen = new int[kept];
        for (int i = 0; i < kept; i++)
        {
            chosen[i] = buckets - 1 - (int) sorted[candidates - 1 - i];
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
