package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.LongAdder;

import dev.spindle.engine.Outcome;
import dev.spindle.tools.ml.DocumentFrequencies;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileResult;
import dev.spindle.tools.ml.LabelledEmbeddings;
import dev.spindle.tools.ml.LabelledFeatures;
import dev.spindle.tools.ml.TermWeights;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How train and evaluate --folds turn a labelled tree into training rows through the engine. For
 * the sparse classifier, one pass: every text file's hashed features, kept with its category, and
 * IDF term weights counted over all of them afterwards (no embedding). For the embedding
 * classifiers, two: document frequencies over a fixed sample of at most {@link #DF_SAMPLE} files
 * (no summary of its own), then every file embedded with the learned weights. Each pass shows
 * its progress line; the run prints one summary.
 */
final class TrainingPasses
{
    /** Files whose document frequencies are counted for the embedding classifiers (about; a hash picks one in stride). */
    static final long DF_SAMPLE = 1_000;

    private final CommandSpec spec;
    private final LabelledRuns tree;
    private final Integer textCap;
    private final EmbeddingConfig config;

    TermWeights weights;
    final LabelledEmbeddings embeddings = new LabelledEmbeddings();
    final LabelledFeatures features = new LabelledFeatures();
    final LongAdder unlabelled = new LongAdder();

    TrainingPasses(final CommandSpec spec, final LabelledRuns tree, final Integer textCap)
    {
        this.spec = spec;
        this.tree = tree;
        this.textCap = textCap;
        this.config = textCap == null ? EmbeddingConfig.DEFAULT : EmbeddingConfig.DEFAULT.withTextCap(textCap);
    }

    /** The passes {@code choice} needs; returns the run's exit status (OK or INCOMPLETE to go on). */
    int run(final String verb, final ClassifierChoice choice) throws IOException
    {
        return choice.readsFeatures() ? featurePass(verb) : embeddingPasses(verb);
    }

    private int featurePass(final String verb) throws IOException
    {
        final RunCommand pass = tree.command(spec, textCap, null);
        pass.verb = verb;
        pass.processing.noCache = true; // training reads what it learns from
        pass.processing.cache = null;
        pass.reportAs = ignored -> ProcessorReport.stat();
        final Path root = pass.root();
        final LabelledTree labelled = new LabelledTree(root);
        pass.processorDecorator = ignored -> new TermCountProcessor(config, (item, raw) ->
        {
            final String category = labelled.categoryOf(item);
            if (category == null)
            {
                unlabelled.increment();
                return;
            }
            features.add(category, root.relativize(item.seen()).toString(), raw);
        }, 1);
        final int status = pass.call();
        weights = features.size() > 0 ? features.idf(config.buckets()) : null;
        return status;
    }

    private int embeddingPasses(final String verb) throws IOException
    {
        final RunCommand count = tree.command(spec, textCap, null);
        count.verb = verb + " (term weights)";
        count.summary = false;
        count.processing.noCache = true;
        count.processing.cache = null;
        final DocumentFrequencies frequencies = new DocumentFrequencies(config);
        final Path countRoot = count.root();
        // sized when the run opens its processor: after the run has checked DIR
        count.processorDecorator = ignored -> new TermCountProcessor(config, (item, raw) -> frequencies.add(raw),
            (int) Math.max(1, (regularFiles(countRoot) + DF_SAMPLE - 1) / DF_SAMPLE));
        final int counted = count.call();
        if (counted != ExitCodes.OK && counted != ExitCodes.INCOMPLETE)
        {
            return counted;
        }
        final TermWeights learned = frequencies.weights();
        weights = learned.documents() > 0 ? learned : null;
        final RunCommand embed = tree.command(spec, textCap, null);
        embed.verb = verb;
        embed.processing.weights = weights;
        final Path root = embed.root();
        final LabelledTree labelled = new LabelledTree(root);
        embed.observer = (item, outcome, result, reason) ->
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
            embeddings.add(category, root.relativize(item.seen()).toString(), file.embedding());
        };
        return embed.call();
    }

    /** Regular files under {@code root}, unreadable folders passed over: only sizes the sample. */
    private static long regularFiles(final Path root)
    {
        final long[] files = new long[1];
        try
        {
            Files.walkFileTree(root, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs)
            {
                files[0] += attrs.isRegularFile() ? 1 : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(final Path file, final IOException e)
            {
                return FileVisitResult.CONTINUE;
            }
        });
        }
        catch (final IOException e)
        {
            return 0; // the run itself reports what is wrong with DIR; count every file then
        }
        return files[0];
    }
}
