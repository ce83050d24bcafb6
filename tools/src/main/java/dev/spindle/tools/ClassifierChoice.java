package dev.spindle.tools;

import java.io.PrintWriter;
import java.util.Locale;

import dev.spindle.tools.ml.CentroidClassifier;
import dev.spindle.tools.ml.Classifier;
import dev.spindle.tools.ml.FeatureSelection;
import dev.spindle.tools.ml.LabelledRows;
import dev.spindle.tools.ml.LinearClassifier;
import dev.spindle.tools.ml.LogisticRegressionTrainer;
import dev.spindle.tools.ml.SparseLinearClassifier;
import dev.spindle.tools.ml.SparseLogisticTrainer;
import dev.spindle.tools.ml.TermWeights;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --classifier sparse|linear|centroid}: which classifier train fits, on what, and fitting it. */
enum ClassifierChoice
{
    SPARSE, LINEAR_MODEL, CENTROID;

    static final String DEFAULT = SparseLinearClassifier.KIND;
    static final String OPTION_HELP = "sparse|linear|centroid";
    /** Fixed: a retrain on the same files gives the same model. */
    static final long SEED = 0x5EEDL;

    static ClassifierChoice parse(final CommandLine line, final String text)
    {
        if (SparseLinearClassifier.KIND.equals(text))
        {
            return SPARSE;
        }
        if (CentroidClassifier.KIND.equals(text))
        {
            return CENTROID;
        }
        if (LinearClassifier.KIND.equals(text))
        {
            return LINEAR_MODEL;
        }
        throw new ParameterException(line, "--classifier must be sparse, linear or centroid, was '" + text + "'");
    }

    /** Fits on the weighted hashed features (sparse) rather than on the embeddings. */
    boolean readsFeatures()
    {
        return this == SPARSE;
    }

    /** Fits the sparse classifier on every row, showing its epochs like {@link #fit}. */
    static Classifier fitSparse(final LabelledRows<int[]> rows, final int buckets, final TermWeights weights, final PrintWriter err)
    {
        return fitted(err, "sparse", progress -> SparseLogisticTrainer.train(rows.x(), rows.y(), rows.classes(), buckets, weights,
            FeatureSelection.DEFAULT_COLUMNS, SEED, progress));
    }

    /** Fits an embedding classifier on every row; the linear model shows its epochs on {@code err} (when it is a terminal) and ends with one line. */
    Classifier fit(final LabelledRows<float[]> rows, final int dims, final PrintWriter err)
    {
        if (this == CENTROID)
        {
            return CentroidClassifier.train(rows.x(), rows.y(), rows.classes(), dims);
        }
        return fitted(err, "linear", progress -> LogisticRegressionTrainer.train(rows.x(), rows.y(), rows.classes(), dims, SEED, progress));
    }

    private interface Fit
    {
        Classifier run(LogisticRegressionTrainer.Progress progress);
    }

    private static Classifier fitted(final PrintWriter err, final String name, final Fit fit)
    {
        final boolean live = Terminal.stderrIsTerminal();
        final int[] last = new int[1];
        final double[] accuracy = new double[1];
        final long start = System.nanoTime();
        final Classifier fitted = fit.run((epoch, loss, heldOutAccuracy) ->
        {
            last[0] = epoch;
            accuracy[0] = heldOutAccuracy;
            if (live)
            {
                err.printf(Locale.ROOT, "\rspindle train: %s classifier, epoch %d, held-out loss %.4f, accuracy %.4f ", name, epoch, loss, heldOutAccuracy);
                err.flush();
            }
        });
        err.printf(Locale.ROOT, "%sspindle train: %s classifier fitted in %d epochs (%.1f s), %s%n", live ? "\r" : "", name, last[0],
            (System.nanoTime() - start) / 1e9, Double.isNaN(accuracy[0]) ? "no held-out part (too few files to stop early on)"
                : String.format(Locale.ROOT, "held-out accuracy %.4f", accuracy[0]));
        return fitted;
    }
}
