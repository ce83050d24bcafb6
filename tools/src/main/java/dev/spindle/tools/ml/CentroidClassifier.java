package dev.spindle.tools.ml;

/**
 * Nearest centroid: one unit vector per category, the normalised mean of its training embeddings;
 * the score is the cosine. Cheap and explainable, at the price of one prototype per class, which
 * blurs where categories share most of their vocabulary.
 */
public final class CentroidClassifier implements Classifier
{
    public static final String KIND = "centroid";

    private final float[][] centroids;

    public CentroidClassifier(final float[][] centroids)
    {
        this.centroids = centroids;
    }

    /** Averages each category's embeddings ({@code labels[i]} in 0..classes-1) and normalises. */
    public static CentroidClassifier train(final float[][] embeddings, final int[] labels, final int classes, final int dims)
    {
        final double[][] sums = new double[classes][dims];
        for (int i = 0; i < embeddings.length; i++)
        {
            for (int d = 0; d < dims; d++)
            {
                sums[labels[i]][d] += embeddings[i][d];
            }
        }
        final float[][] centroids = new float[classes][dims];
        for (int c = 0; c < classes; c++)
        {
            double norm = 0;
            for (final double v : sums[c])
            {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dims; d++)
            {
                centroids[c][d] = norm == 0 ? 0f : (float)(sums[c][d] / norm);
            }
        }
        return new CentroidClassifier(centroids);
    }

    @Override
    public String kind()
    {
        return KIND;
    }

    @Override
    public int categories()
    {
        return centroids.length;
    }

    float[] centroid(final int category)
    {
        return centroids[category];
    }

    @Override
    public void score(final float[] embedding, final SparseFeatures weighted, final double[] scores)
    {
        for (int c = 0; c < centroids.length; c++)
        {
            final float[] w = centroids[c];
            double sum = 0;
            for (int d = 0; d < w.length; d++)
            {
                sum += w[d] * embedding[d];
            }
            scores[c] = sum;
        }
    }
}
