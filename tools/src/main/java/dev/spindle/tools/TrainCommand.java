package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.LabelledRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spindle train}: learns IDF term weights from a folder-per-category tree and fits a
 * classifier: by default multinomial logistic regression on every file's weighted hashed features
 * (one pass through the engine), or on the embeddings (linear, or nearest centroid: a weights pass
 * over a sample, then every file embedded through the same ML processor as {@code run}).
 */
@Command(name = "train", sortOptions = false,
    description = {
        "Build a category model from DIR/CATEGORY/... : term weights (IDF) learned from the files, then a classifier on their weighted features or embeddings.",
        "Files directly in DIR, binary and empty files are not used. 'spindle run --model FILE' then assigns categories.",
        "Exit status: 0 model written, 3 fewer than two categories had a text file, 2 usage error, 1 internal error."})
final class TrainCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    LabelledRuns tree = new LabelledRuns();

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path model;

    @Option(names = "--classifier", paramLabel = ClassifierChoice.OPTION_HELP, description = {
        "sparse (default): multinomial logistic regression on the weighted hashed features, scores are probabilities;",
        "linear: the same on the 256-d embedding; centroid: nearest category mean of the embeddings, scores are cosines."})
    String classifier = ClassifierChoice.DEFAULT;

    @Option(names = "--text-cap", paramLabel = "BYTES", description = "How much of each file's start is embedded (default: 262144).")
    Integer textCap;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Path parent = model.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
        {
            throw new ParameterException(spec.commandLine(), "--model: no such directory: " + parent);
        }
        if (Files.isDirectory(model))
        {
            throw new ParameterException(spec.commandLine(), "--model names a directory: " + model);
        }
        final ClassifierChoice choice = ClassifierChoice.parse(spec.commandLine(), classifier);
        final TrainingPasses passes = new TrainingPasses(spec, tree, textCap);
        final int status = passes.run("train", choice);
        if (status != ExitCodes.OK && status != ExitCodes.INCOMPLETE)
        {
            return status;
        }
        if (passes.unlabelled.sum() > 0)
        {
            err.printf(Locale.ROOT, "spindle train: %,d text files directly in %s belong to no category and were not used%n", passes.unlabelled.sum(),
                PathText.terminal(tree.labels));
        }
        final EmbeddingConfig config = textCap == null ? EmbeddingConfig.DEFAULT : EmbeddingConfig.DEFAULT.withTextCap(textCap);
        final LabelledRows<int[]> sparseRows = choice.readsFeatures() ? passes.features.rows() : null;
        final LabelledRows<float[]> rows = choice.readsFeatures() ? null : passes.embeddings.rows();
        final String[] names = sparseRows != null ? sparseRows.names() : rows.names();
        if (names.length < 2)
        {
            err.printf(Locale.ROOT, "spindle train: %s has %d categories with text files; a model needs at least 2 (DIR/CATEGORY/files)%n",
                PathText.terminal(tree.labels), names.length);
            return ExitCodes.INCOMPLETE;
        }
        final CategoryModel built = sparseRows != null
            ? new CategoryModel(config, passes.weights, names, sparseRows.counts(), ClassifierChoice.fitSparse(sparseRows, config.buckets(), passes.weights, err))
            : new CategoryModel(config, passes.weights, names, rows.counts(), choice.fit(rows, config.dims(), err));
        built.save(model);
        out.printf(Locale.ROOT, "spindle train: wrote %s (%,d KiB): %d categories, %s classifier, term weights from %,d files%n", PathText.terminal(model),
            (Files.size(model) + 1023) / 1024, built.categories(), built.classifier().kind(), passes.weights == null ? 0 : passes.weights.documents());
        for (int c = 0; c < built.categories(); c++)
        {
            out.printf(Locale.ROOT, "  %-24s %,8d files%n", PathText.escape(built.name(c)), built.trainingFiles(c));
        }
        return ExitCodes.OK;
    }
}
