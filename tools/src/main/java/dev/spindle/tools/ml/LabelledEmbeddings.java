package dev.spindle.tools.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embeddings of a labelled tree as they arrive from any worker thread, then fixed in path order
 * (so training does not depend on which worker finished first). Holds every embedding: dims x 4
 * bytes per file (1 KiB at 256 dims, 10 MiB for 10,000 files), the price of training in memory.
 */
public final class LabelledEmbeddings
{
    private final TreeMap<String, Entry> byKey = new TreeMap<>();

    private record Entry(String category, float[] embedding)
    {
    }

    /** {@code key}: the file's path under the labelled root (orders the rows; decides its fold). */
    public synchronized void add(final String category, final String key, final float[] embedding)
    {
        byKey.put(key, new Entry(category, embedding));
    }

    public synchronized int size()
    {
        return byKey.size();
    }

    /** The rows in key order with their labels as indices into {@link LabelledRows#names()} (name order). */
    public synchronized LabelledRows<float[]> rows()
    {
        final List<String> names = new ArrayList<>(new TreeSet<>(byKey.values().stream().map(Entry::category).toList()));
        final int n = byKey.size();
        final float[][] x = new float[n][];
        final int[] y = new int[n];
        final int[] fold = new int[n];
        int i = 0;
        for (final var entry : byKey.entrySet())
        {
            x[i] = entry.getValue().embedding();
            y[i] = names.indexOf(entry.getValue().category());
            fold[i] = foldHash(entry.getKey());
            i++;
        }
        return new LabelledRows<>(names.toArray(new String[0]), x, y, fold);
    }

    /** A non-negative hash of the key, stable across runs: fold = foldHash mod K. */
    static int foldHash(final String key)
    {
        int h = key.hashCode() * 0x9E3779B1;
        h ^= h >>> 16;
        return h & Integer.MAX_VALUE;
    }
}
