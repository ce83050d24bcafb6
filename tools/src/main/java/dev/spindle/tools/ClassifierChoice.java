package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.Locale;

import dev.spindle.tools.ml.CentroidClassifier;
import dev.spindle.tools.ml.Classifier;
import dev.spindle.tools.ml.LabelledEmbeddings;
import dev.spindle.tools.ml.LinearClassifier;
import dev.spindle.tools.ml.LogisticRegressionTrainer;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --classifier centroid|linear}: which classifier train fits on the embeddings, and fitting it. */
enum ClassifierChoice
{
    CENTROID, LINEAR_MODEL;

    static final String LINEAR = LinearClassifier.KIND;
    /** Fixed: a retrain on the same files gives the same model. */
    static final long SEED = 0x5EEDL;

    static ClassifierChoice parse(final CommandLine line, final String text)
    {
        if (CentroidClassifier.KIND.equals(text))
        {
            return CENTROID;
        }
        if (LinearClassifier.KIND.equals(text))
        {
            return LINEAR_MODEL;
        }
        throw new ParameterException(line, "--classifier must be centroid or linear, was '" + text + "'");
    }

    /** Fits on every row; the linear model shows its epochs on {@code err} (when it is a terminal) and ends with one line. */
    Classifier fit(final LabelledEmbeddings.Rows rows, final int dims, final PrintWriter err)
    {
        if (this == CENTROID)
        {
            return CentroidClassifier.train(rows.x(), rows.y(), rows.classes(), dims);
        }
        final boolean live = Terminal.stderrIsTerminal();
        final int[] last = new int[1];
        final double[] accuracy = new double[1];
        final long start = System.nanoTime();
        final Classifier fitted = LogisticRegressionTrainer.train(rows.x(), rows.y(), rows.classes(), dims, SEED, (epoch, loss, heldOutAccuracy) ->
        {
            last[0] = epoch;
            accuracy[0] = heldOutAccuracy;
            if (live)
            {
                err.printf(Locale.ROOT, "\rspindle train: linear classifier, epoch %d, held-out loss %.4f, accuracy %.4f ", epoch, loss, heldOutAccuracy);
                err.flush();
            }
        });
        err.printf(Locale.ROOT, "%sspindle train: linear classifier fitted in %d epochs (%.1f s), %s%n", live ? "\r" : "", last[0],
            (System.nanoTime() - start) / 1e9, Double.isNaN(accuracy[0]) ? "no held-out part (too few files to stop early on)"
                : String.format(Locale.ROOT, "held-out accuracy %.4f", accuracy[0]));
        return fitted;
    }
}
