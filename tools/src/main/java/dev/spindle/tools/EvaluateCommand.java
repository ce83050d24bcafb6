package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.spindle.engine.Outcome;
import dev.spindle.tools.ml.Category;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.Evaluation;
import dev.spindle.tools.ml.FileResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spindle evaluate}: runs a model over a held-out folder-per-category tree, or cross-validates
 * train's method over one tree with --folds, and reports top-1 and top-3 accuracy, macro-F1,
 * per-category precision and recall and the confusion matrix beside the majority-class baseline.
 */
@Command(name = "evaluate", sortOptions = false,
    description = {
        "Score a model from 'spindle train' on a held-out labelled tree (DIR/CATEGORY/...), or with --folds K cross-validate over DIR.",
        "Prints top-1 and top-3 accuracy, macro-F1, precision and recall per category, the confusion matrix, and the majority-class baseline.",
        "Exit status: 0 evaluated, 3 no labelled text file to score, 2 usage error (bad model too), 1 internal error."})
final class EvaluateCommand implements Callable<Integer>
{
    static final int MAX_FOLDS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "A model from 'spindle train' (or --folds).")
    Path model;

    @Mixin
    LabelledRuns tree = new LabelledRuns();

    @Option(names = "--folds", paramLabel = "K", description = "K-fold cross-validation over --labels instead of a model: train on K-1 folds, score the "
        + "K-th, K times (files go to folds by a hash of their path; term weights are learned once over all of DIR, labels unused).")
    Integer folds;

    @Option(names = "--classifier", paramLabel = ClassifierChoice.OPTION_HELP, description = "With --folds: the classifier to train (default: sparse).")
    String classifier = ClassifierChoice.DEFAULT;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure and the confusion matrix to FILE as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the confusion matrix as a PNG heat map.")
    Path plot;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws IOException
    {
        if ((model == null) == (folds == null))
        {
            throw new ParameterException(spec.commandLine(), "give either --model FILE or --folds K");
        }
        if (folds != null && (folds < 2 || folds > MAX_FOLDS))
        {
            throw new ParameterException(spec.commandLine(), "--folds must be 2.." + MAX_FOLDS + ", was " + folds);
        }
        writable("--json", json);
        writable("--plot", plot);
        final Scored scored = folds != null ? CrossValidation.run(spec, tree, folds, ClassifierChoice.parse(spec.commandLine(), classifier))
            : heldOut();
        if (scored.status() != ExitCodes.OK && scored.status() != ExitCodes.INCOMPLETE)
        {
            return scored.status();
        }
        final Evaluation e = scored.evaluation();
        if (e == null || e.files() == 0)
        {
            spec.commandLine().getErr().println("spindle evaluate: no text file in a category folder under " + PathText.terminal(tree.labels) + " to score");
            return ExitCodes.INCOMPLETE;
        }
        final PrintWriter out = spec.commandLine().getOut();
        EvaluationReport.print(out, e, scored.baseline(), folds == null ? "" : String.format(Locale.ROOT, ", %d-fold cross-validation", folds));
        if (scored.foldTop1() != null)
        {
            out.printf(Locale.ROOT, "  top-1 per fold     %s%n", java.util.Arrays.toString(scored.foldTop1()));
        }
        if (json != null)
        {
            EvaluationReport.writeJson(json, e, scored.majority(), scored.foldTop1());
        }
        if (plot != null)
        {
            final String what = model != null ? model.getFileName() + " on " + tree.labels : folds + "-fold cross-validation over " + tree.labels;
            ConfusionPlot.write(plot, e, "spindle evaluate " + what + String.format(Locale.ROOT, ": top-1 %.3f", e.top1()));
        }
        return ExitCodes.OK;
    }

    private void writable(final String option, final Path file)
    {
        if (file == null)
        {
            return;
        }
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
        {
            throw new ParameterException(spec.commandLine(), option + ": no such directory: " + parent);
        }
        if (Files.isDirectory(file))
        {
            throw new ParameterException(spec.commandLine(), option + " names a directory: " + file);
        }
    }

    /** An evaluation and how it ended: the run's status, the baseline in words, per-fold top-1 (null without folds). */
    record Scored(int status, Evaluation evaluation, String majority, String baseline, double[] foldTop1)
    {
    }

    private Scored heldOut() throws IOException
    {
        final CategoryModel loaded;
        try
        {
            loaded = CategoryModel.load(model);
        }
        catch (final CategoryModel.ModelException e)
        {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final RunCommand run = tree.command(spec, null, model);
        run.processing.topK = Math.min(3, loaded.categories());
        run.verb = "evaluate";
        final LabelledTree labelled = new LabelledTree(run.root());
        final UnknownCategories names = new UnknownCategories(loaded);
        final int majority = loaded.indexOf(loaded.majorityCategory());
        final java.util.List<int[]> scored = new java.util.ArrayList<>();
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
            final List<Category> top = file.categories();
            final int[] row = new int[1 + top.size()];
            synchronized (scored)
            {
                row[0] = names.index(truth);
                for (int i = 0; i < top.size(); i++)
                {
                    row[1 + i] = loaded.indexOf(top.get(i).name());
                }
                scored.add(row);
            }
        };
        final int status = run.call();
        final Evaluation e = new Evaluation(names.all());
        for (final int[] row : scored)
        {
            e.add(row[0], java.util.Arrays.copyOfRange(row, 1, row.length), majority);
        }
        if (names.unknown() > 0)
        {
            spec.commandLine().getErr().println("spindle evaluate: categories the model never saw (always wrong): "
                + PathText.escape(String.join(", ", java.util.Arrays.asList(names.all()).subList(loaded.categories(), names.all().length))));
        }
        final String majorityName = loaded.majorityCategory();
        return new Scored(status, e, majorityName, "always '" + PathText.escape(majorityName) + "', the largest training class", null);
    }

    /** The model's categories, then any true category it never saw, in order of first sight. */
    private static final class UnknownCategories
    {
        private final java.util.List<String> names = new java.util.ArrayList<>();
        private final int known;

        UnknownCategories(final CategoryModel model)
        {
            for (int c = 0; c < model.categories(); c++)
            {
                names.add(model.name(c));
            }
            known = names.size();
        }

        int index(final String name)
        {
            final int at = names.indexOf(name);
            if (at >= 0)
            {
                return at;
            }
            names.add(name);
            return names.size() - 1;
        }

        int unknown()
        {
            return names.size() - known;
        }

        String[] all()
        {
            return names.toArray(new String[0]);
        }
    }
}
