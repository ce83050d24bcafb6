package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;

import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.CentroidTrainer;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spindle train}: embeds every file under a folder-per-category tree through the engine (the
 * same ML processor and cache as {@code run}) and writes a nearest-centroid model.
 */
@Command(name = "train", sortOptions = false,
    description = {
        "Build a category model from DIR/CATEGORY/... : each category's centroid is the mean of its text files' embeddings.",
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
        final EmbeddingConfig config = textCap == null ? EmbeddingConfig.DEFAULT : EmbeddingConfig.DEFAULT.withTextCap(textCap);
        final CentroidTrainer trainer = new CentroidTrainer(config);
        final LongAdder unlabelled = new LongAdder();
        final RunCommand run = tree.command(spec, textCap, null);
        run.verb = "train";
        final LabelledTree labelled = new LabelledTree(run.root());
        run.observer = (item, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED || !(result instanceof FileResult file) || file.embedding() == null)
            {
                return;
            }
            final String category = labelled.categoryOf(item);
            if (category == null)
            {
                unlabelled.increment();
                return;
            }
            trainer.add(category, file.embedding());
        };
        final int status = run.call();
        if (status != ExitCodes.OK && status != ExitCodes.INCOMPLETE)
        {
            return status;
        }
        if (unlabelled.sum() > 0)
        {
            err.printf(Locale.ROOT, "spindle train: %,d text files directly in %s belong to no category and were not used%n", unlabelled.sum(), PathText.terminal(tree.labels));
        }
        if (trainer.categories().size() < 2)
        {
            err.printf(Locale.ROOT, "spindle train: %s has %d categories with text files; a model needs at least 2 (DIR/CATEGORY/files)%n",
                PathText.terminal(tree.labels), trainer.categories().size());
            return ExitCodes.INCOMPLETE;
        }
        final CategoryModel built = trainer.build();
        built.save(model);
        out.printf(Locale.ROOT, "spindle train: wrote %s: %d categories%n", PathText.terminal(model), built.categories());
        for (int c = 0; c < built.categories(); c++)
        {
            out.printf(Locale.ROOT, "  %-24s %,8d files%n", PathText.escape(built.name(c)), built.trainingFiles(c));
        }
        return ExitCodes.OK;
    }
}
