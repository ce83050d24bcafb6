package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.tools.ml.BatchEmbedder;
import dev.spindle.tools.ml.Category;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileAnalysis;
import dev.spindle.tools.ml.FileAnalyzer;
import dev.spindle.tools.ml.FileResult;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.ResultSource;
import dev.spindle.tools.ml.SparseFeatures;
import dev.spindle.tools.ml.TermWeights;
import dev.spindle.tools.ml.cache.CachedResult;
import dev.spindle.tools.ml.cache.ResultCache;

/**
 * The default processor: per file, a cache look-up by (path, size, mtime), else one streaming pass
 * (analysis, SHA-256, hashed features) and a look-up by content. A file the walker already found
 * unchanged in the cache is not stat'ed again: a change in the milliseconds between the walk and the
 * worker is missed, as is one just after processing. Then every text file of the batch that is
 * still unknown is embedded; identical contents within a batch are embedded once, and across
 * batches the cache dedups them. A model whose classifier reads the weighted features (sparse)
 * needs them, which the cache does not keep (~13 KiB for a Java source): its categories are cached
 * instead, under the model file's digest, and a cached file whose categories came from another model
 * (or fewer than --top-k) is read and featurized again, its embedding still from the cache.
 */
public final class MlFileProcessor implements BatchProcessor<FileItem>
{
    private final EmbeddingConfig config;
    private final Supplier<Projection> projection;
    private final TermWeights weights;
    private final ResultCache cache;
    private final CategoryModel model;
    private final int topK;
    private final boolean resultsRead;
    /** The model scores features, not embeddings: every file is read, cached or not. */
    private final boolean readsFeatures;
    private final ThreadLocal<Scratch> scratch;
    private final LongAdder[] bySource = new LongAdder[ResultSource.values().length];

    public MlFileProcessor(final Projection projection, final ResultCache cache, final CategoryModel model, final int topK)
    {
        this(projection.config(), () -> projection, model == null ? null : model.weights(), cache, model, topK, true);
    }

    /**
     * @param projection made on first use: a re-run whose files are all cached never builds the
     *     projection tables
     * @param weights learned term weights applied to the features before the projection, null for none
     * @param resultsRead false when no one reads the results (no output, no model, no observer): a file the
     *     walker found unchanged then succeeds once the cache confirms it holds the result, which is not read
     *     (analysis and embedding null), so an unchanged tree re-runs without decoding 1 KiB per file
     */
    public MlFileProcessor(final EmbeddingConfig config, final Supplier<Projection> projection, final TermWeights weights, final ResultCache cache,
        final CategoryModel model, final int topK, final boolean resultsRead)
    {
        this.resultsRead = resultsRead || model != null;
        this.readsFeatures = model != null && model.classifier().readsFeatures();
        this.config = config;
        this.projection = projection;
        this.weights = weights;
        this.cache = cache;
        this.model = model;
        this.topK = topK;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(this.config, this.projection));
        for (int i = 0; i < bySource.length; i++)
        {
            bySource[i] = new LongAdder();
        }
    }

    /** Files settled from each source so far. */
    long count(final ResultSource source)
    {
        return bySource[source.ordinal()].sum();
    }

    @Override
    public void process(final Batch<FileItem> batch)
    {
        final Scratch own = scratch.get();
        own.reset(batch.size());
        int slots = 0;
        for (int i = 0; i < batch.size(); i++)
        {
            if (batch.isAbandoned())
            {
                return;
            }
            final FileItem item = batch.item(i);
            if (FileGate.settledUnopened(batch, i, item))
            {
                continue;
            }
            try
            {
                if (!look(batch, i, item, own, slots))
                {
                    return;
                }
                if (own.slotOf[i] == slots)
                {
                    slots++;
                }
            }
            catch (final IOException e)
            {
                batch.fail(i, FileGate.failure(e));
            }
        }
        if (slots > 0)
        {
            if (weights != null)
            {
                for (int s = 0; s < slots; s++)
                {
                    weights.apply(own.features[s]);
                }
            }
            if (readsFeatures)
            {
                for (int s = 0; s < slots; s++)
                {
                    own.categories[s] = model.topK(null, own.features[s], topK);
                }
            }
            own.embedder().embed(own.features, slots, own.out);
        }
        settle(batch, own);
    }

    /**
     * Resolves item {@code index} from the cache, or analyses it into feature slot {@code slot} and
     * marks it for embedding. Returns false when the batch was abandoned mid-file.
     */
    private boolean look(final Batch<FileItem> batch, final int index, final FileItem item, final Scratch own, final int slot)
        throws IOException
    {
        final byte[] walkedHash = item.walkedCachedHash();
        if (walkedHash != null && unchanged(walkedHash, index, own))
        {
            return true;
        }
        final Path path = item.path();
        final BasicFileAttributes attrs = FileGate.regularFile(batch, index, path);
        if (attrs == null)
        {
            return true;
        }
        final String key = path.toAbsolutePath().toString();
        final long size = attrs.size();
        final long mtime = attrs.lastModifiedTime().toMillis();
        final byte[] known = walkedHash != null ? null : cache.knownHash(key, size, mtime);
        if (known != null && unchanged(known, index, own))
        {
            return true;
        }
        final SparseFeatures features = own.features[slot];
        final FileAnalysis analysis = own.analyzer.analyze(path, features, batch::isAbandoned);
        if (analysis == null)
        {
            return false;
        }
        final byte[] hash = own.analyzer.contentHash();
        final CachedResult hit = cache.get(hash);
        if (hit != null)
        {
            List<Category> categories = null;
            if (readsFeatures && hit.embedding() != null)
            {
                if (weights != null)
                {
                    weights.apply(features); // the slot is not kept: the next file overwrites it
                }
                categories = model.topK(null, features, topK);
            }
            cache.put(key, size, mtime, hash, categories == null ? hit : new CachedResult(hit.analysis(), hit.embedding(), model.digest(), categories));
            own.ready[index] = result(hit.analysis(), hash, hit.embedding(), ResultSource.CACHED_CONTENT, categories);
            return true;
        }
        own.key[index] = key;
        own.size[index] = size;
        own.mtime[index] = mtime;
        own.hash[index] = hash;
        own.analysis[index] = analysis;
        if (analysis.kind() != ContentKind.TEXT)
        {
            return true;
        }
        for (int j = 0; j < index; j++)
        {
            if (own.slotOf[j] >= 0 && Arrays.equals(own.hash[j], hash))
            {
                own.duplicateOf[index] = j;
                return true;
            }
        }
        own.slotOf[index] = slot;
        return true;
    }

    /**
     * Settles an unchanged file (its path, size and mtime map to {@code hash}) from the cache; false when the
     * cache no longer has the result. When nobody reads results, only that the cache holds it is checked.
     */
    private boolean unchanged(final byte[] hash, final int index, final Scratch own)
    {
        if (!resultsRead)
        {
            if (!cache.holds(hash))
            {
                return false;
            }
            own.ready[index] = new FileResult(null, hash, null, List.of(), ResultSource.FAST_PATH);
            return true;
        }
        final CachedResult hit = cache.get(hash);
        if (hit == null)
        {
            return false;
        }
        List<Category> scored = null;
        if (readsFeatures && hit.embedding() != null)
        {
            if (model.digest() == 0 || hit.scoredBy() != model.digest() || hit.categories().size() < Math.min(topK, model.categories()))
            {
                return false; // scored by another model or for fewer categories: read the file again
            }
            scored = hit.categories().subList(0, Math.min(topK, hit.categories().size()));
        }
        own.ready[index] = result(hit.analysis(), hash, hit.embedding(), ResultSource.FAST_PATH, scored);
        return true;
    }

    private void settle(final Batch<FileItem> batch, final Scratch own)
    {
        for (int i = 0; i < batch.size(); i++)
        {
            FileResult ready = own.ready[i];
            if (ready == null && own.analysis[i] != null)
            {
                final int from = own.duplicateOf[i] >= 0 ? own.duplicateOf[i] : i;
                final int slot = own.slotOf[from];
                final float[] embedding = slot >= 0 ? own.out[slot].clone() : null;
                final FileAnalysis analysis = own.analysis[i];
                final List<Category> scored = slot >= 0 ? own.categories[slot] : null;
                cache.put(own.key[i], own.size[i], own.mtime[i], own.hash[i],
                    scored == null ? new CachedResult(analysis, embedding) : new CachedResult(analysis, embedding, model.digest(), scored));
                ready = result(analysis, own.hash[i], embedding, from == i ? ResultSource.COMPUTED : ResultSource.DUPLICATE, scored);
            }
            if (ready != null)
            {
                bySource[ready.source().ordinal()].increment();
                batch.succeed(i, ready);
            }
        }
        own.release();
    }

    /** {@code scored}: the categories from the file's features when the model reads them, else null (scored from the embedding here). */
    private FileResult result(final FileAnalysis analysis, final byte[] hash, final float[] embedding, final ResultSource source,
        final List<Category> scored)
    {
        final List<Category> categories = scored != null ? scored
            : model != null && embedding != null && !readsFeatures ? model.topK(embedding, topK) : List.of();
        return new FileResult(analysis, hash, embedding, categories, source);
    }

    /** Per worker thread; arrays grow to the largest batch seen and are reused. */
    private static final class Scratch
    {
        final FileAnalyzer analyzer;
        final EmbeddingConfig config;
        private final Supplier<Projection> projection;
        private BatchEmbedder embedder;
        SparseFeatures[] features = new SparseFeatures[0];
        float[][] out = new float[0][];
        /** Per feature slot: its categories when the model reads features. */
        List<Category>[] categories = newCategories(0);
        FileResult[] ready = new FileResult[0];
        FileAnalysis[] analysis = new FileAnalysis[0];
        byte[][] hash = new byte[0][];
        String[] key = new String[0];
        long[] size = new long[0];
        long[] mtime = new long[0];
        int[] slotOf = new int[0];
        int[] duplicateOf = new int[0];
        /** Entries the current batch may have set: release() clears these, not the whole arrays. */
        private int used;

        Scratch(final EmbeddingConfig config, final Supplier<Projection> projection)
        {
            this.config = config;
            this.projection = projection;
            this.analyzer = new FileAnalyzer(config);
        }

        @SuppressWarnings("unchecked")
        private static List<Category>[] newCategories(final int n)
        {
            return (List<Category>[]) new List<?>[n];
        }

        BatchEmbedder embedder()
        {
            if (embedder == null)
            {
                embedder = new BatchEmbedder(projection.get());
            }
            return embedder;
        }

        void reset(final int n)
        {
            if (features.length < n)
            {
                final int old = features.length;
                features = Arrays.copyOf(features, n);
                out = Arrays.copyOf(out, n);
                for (int i = old; i < n; i++)
                {
                    features[i] = new SparseFeatures(config);
                    out[i] = new float[config.dims()];
                }
                categories = newCategories(n);
                ready = new FileResult[n];
                analysis = new FileAnalysis[n];
                hash = new byte[n][];
                key = new String[n];
                size = new long[n];
                mtime = new long[n];
                slotOf = new int[n];
                duplicateOf = new int[n];
            }
            release(); // what an abandoned batch left
            used = n;
            Arrays.fill(slotOf, 0, n, -1);
            Arrays.fill(duplicateOf, 0, n, -1);
        }

        /** Drops references so results and paths outlive neither their batch nor an abandoned one. */
        void release()
        {
            Arrays.fill(ready, 0, used, null);
            Arrays.fill(categories, 0, used, null);
            Arrays.fill(analysis, 0, used, null);
            Arrays.fill(hash, 0, used, null);
            Arrays.fill(key, 0, used, null);
        }
    }
}
