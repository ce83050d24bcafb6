package dev.spindle.tools.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hashed features of a labelled tree's text files as they arrive from any worker thread, then
 * fixed in path order, for the sparse classifier. A feature is packed in one int: bucket << 8 and
 * its signed count, clamped to +-127 (the featurizer's value is sign x log1p(count), so this is
 * exact below the clamp). Four bytes per distinct feature of a file (~13 KiB for a Java source,
 * ~1 KiB for a fortune): the price of fitting on every feature rather than on the 1 KiB embedding.
 */
public final class LabelledFeatures
{
    static final int MAX_COUNT = 127;
    private static final float[] LOG1P = new float[MAX_COUNT + 1];

    static
    {
        for (int c = 0; c <= MAX_COUNT; c++)
        {
            LOG1P[c] = (float) Math.log1p(c);
        }
    }

    private final TreeMap<String, Entry> byKey = new TreeMap<>();

    private record Entry(String category, int[] row)
    {
    }

    /** Packs {@code raw} (unweighted, as the analyzer made it); {@code key} orders the rows and decides the fold. */
    public void add(final String category, final String key, final SparseFeatures raw)
    {
        if (raw.size() > 0 && raw.bucket(raw.size() - 1) >= 1 << 23)
        {
            throw new IllegalArgumentException("the sparse classifier packs buckets in 23 bits");
        }
        final int[] row = new int[raw.size()];
        for (int i = 0; i < row.length; i++)
        {
            final float v = raw.value(i);
            final int count = count(Math.abs(v));
            row[i] = raw.bucket(i) << 8 | (v < 0 ? -count : count) & 0xFF;
        }
        synchronized (this)
        {
            byKey.put(key, new Entry(category, row));
        }
    }

    /** The count whose (float) log1p is {@code magnitude}, as the featurizer computed it (most are 1 to 3: a short scan), clamped. */
    static int count(final float magnitude)
    {
        for (int c = 1; c <= MAX_COUNT; c++)
        {
            if (LOG1P[c] >= magnitude)
            {
                return c;
            }
        }
        return MAX_COUNT;
    }

    public synchronized int size()
    {
        return byKey.size();
    }

    static int bucket(final int packed)
    {
        return packed >>> 8;
    }

    /** sign x log1p(|count|): the featurizer's value. */
    static float value(final int packed)
    {
        final int count = (byte) packed;
        return count < 0 ? -LOG1P[-count] : LOG1P[count];
    }

    /** {@code out} = the row's features times {@code weights} (null: unweighted), as a run weighs a file's. */
    public static void unpack(final int[] row, final TermWeights weights, final SparseFeatures out)
    {
        out.clear();
        for (final int packed : row)
        {
            final int b = bucket(packed);
            out.add(b, weights == null ? value(packed) : value(packed) * weights.weight(b));
        }
    }

    /** IDF over every row: a bucket's document frequency is the rows it occurs in. */
    public synchronized TermWeights idf(final int buckets)
    {
        final int[] df = new int[buckets];
        for (final Entry entry : byKey.values())
        {
            for (final int packed : entry.row())
            {
                df[bucket(packed)]++;
            }
        }
        return TermWeights.idf(df, byKey.size());
    }

    /** The rows in key order with their labels as indices into {@link LabelledRows#names()} (name order). */
    public synchronized LabelledRows<int[]> rows()
    {
        final List<String> names = new ArrayList<>(new TreeSet<>(byKey.values().stream().map(Entry::category).toList()));
        final int n = byKey.size();
        final int[][] x = new int[n][];
        final int[] y = new int[n];
        final int[] fold = new int[n];
        int i = 0;
        for (final var entry : byKey.entrySet())
        {
            x[i] = entry.getValue().row();
            y[i] = names.indexOf(entry.getValue().category());
            fold[i] = LabelledEmbeddings.foldHash(entry.getKey());
            i++;
        }
        return new LabelledRows<>(names.toArray(new String[0]), x, y, fold);
    }
}
