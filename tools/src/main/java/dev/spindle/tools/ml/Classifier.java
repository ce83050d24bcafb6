package dev.spindle.tools.ml;

/** Scores every category for one unit-length embedding; higher is better. Immutable, thread-safe. */
public interface Classifier
{
    /** Its name on the command line and in the model file. */
    String kind();

    int categories();

    /** {@code scores[c]} for every category c (scores.length >= categories()). */
    void score(float[] embedding, double[] scores);
}
