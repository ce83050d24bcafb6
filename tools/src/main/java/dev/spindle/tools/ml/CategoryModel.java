package dev.spindle.tools.ml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained categoriser: the embedding config it was trained under (a run embeds the same way),
 * the learned term weights applied before the projection (null for none), the category names with
 * their training file counts, and the classifier that scores an embedding. Stored by {@link ModelFile}.
 */
public final class CategoryModel
{
    private final EmbeddingConfig config;
    private final TermWeights weights;
    private final String[] names;
    private final long[] trainingFiles;
    private final Classifier classifier;
    private final long digest;

    public CategoryModel(final EmbeddingConfig config, final TermWeights weights, final String[] names, final long[] trainingFiles,
        final Classifier classifier)
    {
        this(config, weights, names, trainingFiles, classifier, 0);
    }

    /** {@code digest}: the model file's checksum, which names it in the cache (0: a model never saved, never cached). */
    CategoryModel(final EmbeddingConfig config, final TermWeights weights, final String[] names, final long[] trainingFiles,
        final Classifier classifier, final long digest)
    {
        if (classifier.categories() != names.length || trainingFiles.length != names.length)
        {
            throw new IllegalArgumentException("classifier and names disagree on the category count");
        }
        this.config = config.withWeights(weights);
        this.weights = weights;
        this.names = names.clone();
        this.trainingFiles = trainingFiles.clone();
        this.classifier = classifier;
        this.digest = digest;
    }

    /** The loaded file's CRC-32 (a cached file's categories are reused only under the same model), 0 when not loaded from a file. */
    public long digest()
    {
        return digest;
    }

    /** Its embedding config, including the digest of its term weights. */
    public EmbeddingConfig config()
    {
        return config;
    }

    /** Null when the model embeds unweighted features. */
    public TermWeights weights()
    {
        return weights;
    }

    public Classifier classifier()
    {
        return classifier;
    }

    public int categories()
    {
        return names.length;
    }

    public String name(final int category)
    {
        return names[category];
    }

    /** The index of {@code name}, or -1. */
    public int indexOf(final String name)
    {
        for (int c = 0; c < names.length; c++)
        {
            if (names[c].equals(name))
            {
                return c;
            }
        }
        return -1;
    }

    public long trainingFiles(final int category)
    {
        return trainingFiles[category];
    }

    /** The category with the most training files: what a majority-class baseline always answers. */
    public String majorityCategory()
    {
        int best = 0;
        for (int c = 1; c < names.length; c++)
        {
            if (trainingFiles[c] > trainingFiles[best])
            {
                best = c;
            }
        }
        return names[best];
    }

    /** The {@code k} best categories for a unit-length embedding, best first (a classifier that reads features: use the other overload). */
    public List<Category> topK(final float[] embedding, final int k)
    {
        return topK(embedding, null, k);
    }

    /**
     * The {@code k} best categories of a file, best first, with the classifier's scores, from its
     * unit-length embedding or its features after {@link #weights()} (see {@link Classifier#readsFeatures()}).
     */
    public List<Category> topK(final float[] embedding, final SparseFeatures weighted, final int k)
    {
        final double[] scores = new double[names.length];
        classifier.score(embedding, weighted, scores);
        final int n = Math.min(k, names.length);
        final int[] best = new int[n];
        final double[] bestScore = new double[n];
        Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < names.length; c++)
        {
            final double score = scores[c];
            if (n == 0 || score <= bestScore[n - 1])
            {
                continue;
            }
            int at = n - 1;
            while (at > 0 && score > bestScore[at - 1])
            {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = c;
            bestScore[at] = score;
        }
        final List<Category> top = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            top.add(new Category(names[best[i]], bestScore[i]));
        }
        return top;
    }

    public void save(final Path file) throws IOException
    {
        ModelFile.save(this, file);
    }

    /** Reads a model; every way a file can be wrong is a {@link ModelException} naming the file. */
    public static CategoryModel load(final Path file) throws IOException
    {
        return ModelFile.load(file);
    }

    /** A model file that cannot be used, with a one-line reason. */
    public static final class ModelException extends IOException
    {
        private static final long serialVersionUID = 1L;

        ModelException(final Path file, final String reason)
        {
            super("model " + file + ": " + reason);
        }
    }
}
