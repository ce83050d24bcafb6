package dev.spindle.tools.ml;

/**
 * Multinomial logistic regression over the embedding: score = softmax(W x + b), calibrated class
 * probabilities that sum to 1. Costs categories x dims multiply-adds per file like the centroids,
 * and separates categories the centroids blur, at the price of training (LogisticRegressionTrainer).
 */
public final class LinearClassifier implements Classifier
{
    public static final String KIND = "linear";

    /** categories x dims, applied to the embedding as given (unit length). */
    private final float[][] weights;
    private final float[] bias;

    public LinearClassifier(final float[][] weights, final float[] bias)
    {
        this.weights = weights;
        this.bias = bias;
    }

    @Override
    public String kind()
    {
        return KIND;
    }

    @Override
    public int categories()
    {
        return weights.length;
    }

    float[] weights(final int category)
    {
        return weights[category];
    }

    float bias(final int category)
    {
        return bias[category];
    }

    @Override
    public void score(final float[] embedding, final SparseFeatures weighted, final double[] scores)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++)
        {
            final float[] w = weights[c];
            double sum = bias[c];
            for (int d = 0; d < w.length; d++)
            {
                sum += w[d] * embedding[d];
            }
            scores[c] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int c = 0; c < weights.length; c++)
        {
            scores[c] = Math.exp(scores[c] - max);
            total += scores[c];
        }
        for (int c = 0; c < weights.length; c++)
        {
            scores[c] /= total;
        }
    }
}
