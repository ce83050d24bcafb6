package dev.spindle.tools.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums unit embeddings per category as they arrive (from any worker thread) and turns the sums into
 * a {@link CategoryModel}. Memory is one double vector per category, whatever the number of files.
 */
public final class CentroidTrainer
{
    private final EmbeddingConfig config;
    private final Map<String, double[]> sums = new TreeMap<>();
    private final Map<String, long[]> counts = new TreeMap<>();

    public CentroidTrainer(final EmbeddingConfig config)
    {
        this.config = config;
    }

    public synchronized void add(final String category, final float[] unitEmbedding)
    {
        final double[] sum = sums.computeIfAbsent(category, c -> new double[config.dims()]);
        for (int d = 0; d < sum.length; d++)
        {
            sum[d] += unitEmbedding[d];
        }
        counts.computeIfAbsent(category, c -> new long[1])[0]++;
    }

    /** Categories with at least one embedded file, in name order. */
    public synchronized List<String> categories()
    {
        return new ArrayList<>(sums.keySet());
    }

    public synchronized long files(final String category)
    {
        final long[] count = counts.get(category);
        return count == null ? 0 : count[0];
    }

    public synchronized CategoryModel build()
    {
        final int n = sums.size();
        final String[] names = new String[n];
        final long[] files = new long[n];
        final float[][] centroids = new float[n][];
        int c = 0;
        for (final Map.Entry<String, double[]> entry : sums.entrySet())
        {
            names[c] = entry.getKey();
            files[c] = counts.get(entry.getKey())[0];
            centroids[c] = unit(entry.getValue());
            c++;
        }
        return new CategoryModel(config, names, files, centroids);
    }

    private static float[] unit(final double[] sum)
    {
        double norm = 0;
        for (final double v : sum)
        {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        final float[] unit = new float[sum.length];
        for (int d = 0; d < sum.length; d++)
        {
            unit[d] = norm == 0 ? 0f : (float) (sum[d] / norm);
        }
        return unit;
    }
}
