package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import dev.spindle.engine.Outcome;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.FileResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spindle evaluate}: runs a model over a held-out folder-per-category tree and reports top-1
 * accuracy beside the majority-class baseline (always answering the model's largest training class).
 */
@Command(name = "evaluate", sortOptions = false,
    description = {
        "Score a model from 'spindle train' on a held-out labelled tree (DIR/CATEGORY/...).",
        "Prints top-1 accuracy overall and per category, beside the majority-class baseline.",
        "Exit status: 0 evaluated, 3 no labelled text file to score, 2 usage error (bad model too), 1 internal error."})
final class EvaluateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model from 'spindle train'.")
    Path model;

    @Mixin
    LabelledRuns tree = new LabelledRuns();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final CategoryModel loaded;
        try
        {
            loaded = CategoryModel.load(model);
        }
        catch (final CategoryModel.ModelException e)
        {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final String majority = loaded.majorityCategory();
        final Map<String, long[]> perCategory = new TreeMap<>(); // truth -> {files, correct, majorityHits}
        final RunCommand run = tree.command(spec, null, model);
        run.verb = "evaluate";
        final LabelledTree labelled = new LabelledTree(run.root());
        run.observer = (item, outcome, result, reason) ->
        {
            if (outcome != Outcome.SUCCEEDED || !(result instanceof FileResult file) || file.categories().isEmpty())
            {
                return;
            }
            final String truth = labelled.categoryOf(item);
            if (truth == null)
            {
                return;
            }
            final boolean correct = truth.equals(file.categories().get(0).name());
            synchronized (perCategory)
            {
                final long[] counts = perCategory.computeIfAbsent(truth, t -> new long[3]);
                counts[0]++;
                counts[1] += correct ? 1 : 0;
                counts[2] += truth.equals(majority) ? 1 : 0;
            }
        };
        final int status = run.call();
        if (status != ExitCodes.OK && status != ExitCodes.INCOMPLETE)
        {
            return status;
        }
        long files = 0;
        long correct = 0;
        long baseline = 0;
        for (final long[] counts : perCategory.values())
        {
            files += counts[0];
            correct += counts[1];
            baseline += counts[2];
        }
        if (files == 0)
        {
            err.println("spindle evaluate: no text file in a category folder under " + PathText.terminal(tree.labels) + " to score");
            return ExitCodes.INCOMPLETE;
        }
        out.printf(Locale.ROOT, "spindle evaluate: %,d files in %d categories%n", files, perCategory.size());
        out.printf(Locale.ROOT, "  top-1 accuracy     %.4f (%,d / %,d)%n", (double) correct / files, correct, files);
        out.printf(Locale.ROOT, "  majority baseline  %.4f (always '%s', the largest training class)%n", (double) baseline / files, PathText.escape(majority));
        final List<String> unknown = perCategory.keySet().stream().filter(name -> !known(loaded, name)).toList();
        for (final Map.Entry<String, long[]> entry : perCategory.entrySet())
        {
            final long[] counts = entry.getValue();
            out.printf(Locale.ROOT, "  %-24s %,8d files  accuracy %.4f%n", PathText.escape(entry.getKey()), counts[0], (double) counts[1] / counts[0]);
        }
        if (!unknown.isEmpty())
        {
            err.println("spindle evaluate: categories the model never saw (always wrong): " + PathText.escape(String.join(", ", unknown)));
        }
        return ExitCodes.OK;
    }

    private static boolean known(final CategoryModel model, final String name)
    {
        for (int c = 0; c < model.categories(); c++)
        {
            if (model.name(c).equals(name))
            {
                return true;
            }
        }
        return false;
    }
}
