package dev.spindle.tools;

import java.io.IOException;
import java.util.Arrays;

import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.Classifier;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.Evaluation;
import dev.spindle.tools.ml.LabelledFeatures;
import dev.spindle.tools.ml.LabelledRows;
import dev.spindle.tools.ml.SparseFeatures;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evaluate --folds K}: embeds the tree once (train's two passes), then K times fits the
 * classifier on K-1 folds and scores the K-th, pooling every prediction into one evaluation. One
 * embedding pass for K models, at the price of term weights learned over all of the tree (without
 * its labels), which a strict protocol would relearn per fold.
 */
final class CrossValidation
{
    private CrossValidation()
    {
    }

    static EvaluateCommand.Scored run(final CommandSpec spec, final LabelledRuns tree, final int folds, final ClassifierChoice choice) throws IOException
    {
        final TrainingPasses passes = new TrainingPasses(spec, tree, null);
        final int status = passes.run("evaluate", choice);
        if (status != ExitCodes.OK && status != ExitCodes.INCOMPLETE)
        {
            return new EvaluateCommand.Scored(status, null, "", "", null);
        }
        if (choice.readsFeatures())
        {
            return sparse(spec, passes, folds, status);
        }
        final LabelledRows<float[]> all = passes.embeddings.rows();
        final Evaluation pooled = new Evaluation(all.names());
        final double[] foldTop1 = new double[folds];
        final int dims = EmbeddingConfig.DEFAULT.dims();
        for (int k = 0; k < folds; k++)
        {
            final LabelledRows<float[]> train = all.fold(folds, k, false);
            final LabelledRows<float[]> test = all.fold(folds, k, true);
            if (train.y().length == 0 || test.y().length == 0)
            {
                foldTop1[k] = Double.NaN;
                continue;
            }
            final Classifier classifier = choice.fit(train, dims, spec.commandLine().getErr());
            final CategoryModel model = new CategoryModel(EmbeddingConfig.DEFAULT, passes.weights, all.names(), train.counts(), classifier);
            final int majority = model.indexOf(model.majorityCategory());
            final Evaluation fold = new Evaluation(all.names());
            for (int i = 0; i < test.y().length; i++)
            {
                final int[] ranked = model.topK(test.x()[i], 3).stream().mapToInt(c -> model.indexOf(c.name())).toArray();
                pooled.add(test.y()[i], ranked, majority);
                fold.add(test.y()[i], ranked, majority);
            }
            foldTop1[k] = Math.round(fold.top1() * 10_000) / 10_000.0;
        }
        return new EvaluateCommand.Scored(status, pooled, "", "the largest class of each fold's training part", Arrays.copyOf(foldTop1, folds));
    }

    /** The same over the weighted features, for the sparse classifier. */
    private static EvaluateCommand.Scored sparse(final CommandSpec spec, final TrainingPasses passes, final int folds, final int status)
    {
        final LabelledRows<int[]> all = passes.features.rows();
        final Evaluation pooled = new Evaluation(all.names());
        final double[] foldTop1 = new double[folds];
        final EmbeddingConfig config = EmbeddingConfig.DEFAULT;
        final SparseFeatures weighted = new SparseFeatures(config);
        for (int k = 0; k < folds; k++)
        {
            final LabelledRows<int[]> train = all.fold(folds, k, false);
            final LabelledRows<int[]> test = all.fold(folds, k, true);
            if (train.y().length == 0 || test.y().length == 0)
            {
                foldTop1[k] = Double.NaN;
                continue;
            }
            final Classifier classifier = ClassifierChoice.fitSparse(train, config.buckets(), passes.weights, spec.commandLine().getErr());
            final CategoryModel model = new CategoryModel(config, passes.weights, all.names(), train.counts(), classifier);
            final int majority = model.indexOf(model.majorityCategory());
            final Evaluation fold = new Evaluation(all.names());
            for (int i = 0; i < test.y().length; i++)
            {
                LabelledFeatures.unpack(test.x()[i], passes.weights, weighted);
                final int[] ranked = model.topK(null, weighted, 3).stream().mapToInt(c -> model.indexOf(c.name())).toArray();
                pooled.add(test.y()[i], ranked, majority);
                fold.add(test.y()[i], ranked, majority);
            }
            foldTop1[k] = Math.round(fold.top1() * 10_000) / 10_000.0;
        }
        return new EvaluateCommand.Scored(status, pooled, "", "the largest class of each fold's training part", Arrays.copyOf(foldTop1, folds));
    }
}
