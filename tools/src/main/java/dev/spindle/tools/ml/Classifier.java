package dev.spindle.tools.ml;

/**
 * Scores every category for one file, from its unit-length embedding or from its term-weighted
 * hashed features, whichever the classifier reads ({@link #readsFeatures()}); higher is better.
 * Immutable, thread-safe.
 */
public interface Classifier
{
    /** Its name on the command line and in the model file. */
    String kind();

    int categories();

    /**
     * True when it scores the weighted features, not the embedding: a file whose embedding comes
     * from the cache must then be read again to score it.
     */
    default boolean readsFeatures()
    {
        return false;
    }

    /**
     * {@code scores[c]} for every category c (scores.length >= categories()).
     *
     * @param embedding the file's unit-length embedding (may be null when {@link #readsFeatures()})
     * @param weighted  its hashed features after the model's term weights (may be null otherwise)
     */
    void score(float[] embedding, SparseFeatures weighted, double[] scores);
}
