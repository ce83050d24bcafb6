package dev.spindle.tools;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Supplier;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.CostFunction;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.SpindleBuilder;
import dev.spindle.journal.WriteFailedException;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.MlComplexityScorer;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.ResultSource;
import dev.spindle.tools.ml.TermWeights;
import dev.spindle.tools.ml.cache.MemoryResultCache;
import dev.spindle.tools.ml.cache.MvStoreResultCache;
import dev.spindle.tools.ml.cache.ResultCache;

/**
 * One run's processor and everything it owns (cache, model, --out files), built from the options
 * and closed after the engine has drained, so the last outcomes are written before the files close.
 */
final class FileProcessing implements Closeable
{
    /** Most distinct contents remembered for in-run dedup under --no-cache (~1.1 KB each). */
    static final long RUN_DEDUP_ENTRIES = 65_536;
    /** Under --no-cache the dedup map may take this share of the heap, so a small heap is not filled by it. */
    static final long RUN_DEDUP_HEAP_SHARE = 16;
    private static final long RUN_DEDUP_ENTRY_BYTES = 1_200;

    private final BatchProcessor<FileItem> processor;
    private final CostFunction<FileItem> cost;
    private final MlFileProcessor ml;
    private final ResultCache cache;
    private final ResultsOutput output;
    private final String cacheNote;
    private final String categoriesNote;
    private volatile WriteFailedException reported;

    private FileProcessing(final BatchProcessor<FileItem> processor, final CostFunction<FileItem> cost, final MlFileProcessor ml,
        final ResultCache cache, final ResultsOutput output, final String cacheNote, final String categoriesNote)
    {
        this.processor = processor;
        this.cost = cost;
        this.ml = ml;
        this.cache = cache;
        this.output = output;
        this.cacheNote = cacheNote;
        this.categoriesNote = categoriesNote;
    }

    static FileProcessing stat()
    {
        return new FileProcessing(new StatFileProcessor(), new FileSizeCost(), null, ResultCache.NONE, null, "", "");
    }

    /**
     * Builds the ML processor. A model fixes the embedding config (its vectors are only comparable to
     * vectors made the same way). Cache problems are warnings on {@code err}; the run goes on.
     */
    /** @param observed whether something besides {@code --out} and the model reads each file's result (train, evaluate, a test) */
    static FileProcessing ml(final ProcessorOptions options, final String verb, final boolean quietWithoutModel, final boolean observed,
        final PrintWriter err) throws IOException
    {
        EmbeddingConfig config = EmbeddingConfig.DEFAULT;
        CategoryModel model = null;
        TermWeights weights = options.weights;
        String categories = "none (no --model)";
        if (options.model != null)
        {
            model = CategoryModel.load(options.model);
            config = model.config();
            weights = model.weights();
            categories = model.categories() + " categories from " + options.model + ", top " + options.topK;
        }
        else if (!quietWithoutModel)
        {
            err.println("spindle " + verb + ": no --model given: files get embeddings and analysis but no categories");
        }
        if (options.textCap != null)
        {
            config = config.withTextCap(options.textCap);
        }
        config = config.withWeights(weights);
        final EmbeddingConfig embedding = config;
        final Supplier<Projection> projection = Memo.of(() -> Projection.create(embedding));
        final ResultCache cache;
        final String cacheNote;
        if (options.noCache)
        {
            cache = new MemoryResultCache(runDedupEntries(Runtime.getRuntime().maxMemory()));
            cacheNote = "off (--no-cache)";
        }
        else
        {
            final Path dir = options.cacheDir();
            cache = MvStoreResultCache.open(dir, config, options.cacheEntries, line -> err.println("spindle " + verb + ": " + PathText.escape(line)));
            cacheNote = cache == ResultCache.NONE ? "none: " + dir + " could not be used (see the warning), the run went on without a cache"
                : dir.toString();
        }
        ResultsOutput output = null;
        try
        {
            if (options.out != null)
            {
                output = options.existing != null ? ResultsOutput.continueIn(options.out, config.dims(), options.existing)
                    : ResultsOutput.create(options.out, config.dims());
            }
        }
        catch (final IOException e)
        {
            cache.close();
            throw e;
        }
        final MlFileProcessor processor = new MlFileProcessor(config, projection, weights, cache, model, options.topK, observed || output != null);
        return new FileProcessing(processor, new MlComplexityScorer(config), processor, cache, output, cacheNote, categories);
    }

    /** {@link #RUN_DEDUP_ENTRIES}, or fewer on a heap where they would take more than its share. */
    static long runDedupEntries(final long maxHeapBytes)
    {
        return Math.max(1, Math.min(RUN_DEDUP_ENTRIES, maxHeapBytes / RUN_DEDUP_HEAP_SHARE / RUN_DEDUP_ENTRY_BYTES));
    }

    BatchProcessor<FileItem> processor()
    {
        return processor;
    }

    /**
     * The processor's cost function, the seed's priorities (small files first, so items go through the
     * engine's priority lanes), and for ml a starting batch shape that amortises the per-batch matrix pass.
     */
    SpindleBuilder<FileItem> configure(final SpindleBuilder<FileItem> builder)
    {
        builder.cost(cost).priority(SeedPriority.INSTANCE);
        if (ml != null)
        {
            builder.complexityBudget(MlComplexityScorer.DEFAULT_BUDGET).maxBatchItems(MlComplexityScorer.DEFAULT_MAX_ITEMS);
        }
        return builder;
    }

    /**
     * Marks files the cache already holds unchanged (same path, size, mtime) as embedded, so the
     * scorer charges them almost nothing and they share big batches: one look-up per file on the walker, at the
     * size and mtime of the walk's own stat.
     */
    TreeSubmitter.Marker marker()
    {
        if (ml == null)
        {
            return TreeSubmitter.Marker.NONE;
        }
        return item ->
        {
            try
            {
                final Path path = item.path();
                final long walked = item.walkedMtimeMillis();
                final long mtime = walked >= 0 ? walked : Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
                final byte[] hash = cache.knownHash(path.toAbsolutePath().toString(), item.sizeBytes(), mtime);
                item.flag(FileItem.HAS_EMBEDDING, hash != null);
                if (hash != null)
                {
                    item.cached(mtime, hash);
                }
            }
            catch (final IOException e)
            {
                item.flag(FileItem.HAS_EMBEDDING, false); // the processor meets the same error and reports it
            }
        };
    }

    /** The --out or cache write that failed, if any: the run stops on it. */
    WriteFailedException writeFailure()
    {
        final WriteFailedException failure = output != null ? output.failure() : null;
        final WriteFailedException found = failure != null ? failure : cache.writeFailure();
        if (found != null)
        {
            reported = found;
        }
        return found;
    }

    /** Sees every outcome (writes --out); none without --out. */
    OutcomeListener<FileItem> output()
    {
        return output != null ? output : OutcomeListener.none();
    }

    ProcessorReport report()
    {
        if (ml == null)
        {
            return ProcessorReport.stat();
        }
        return new ProcessorReport(ProcessorOptions.ML, ml.count(ResultSource.COMPUTED), ml.count(ResultSource.DUPLICATE),
            ml.count(ResultSource.CACHED_CONTENT), ml.count(ResultSource.FAST_PATH), output != null ? output.rows() : 0, cacheNote, categoriesNote);
    }

    /** Throws the first write error met during the run, unless the run already stopped on it ({@link #writeFailure}). */
    @Override
    public void close() throws IOException
    {
        try
        {
            try (cache)
            {
                if (output != null)
                {
                    output.close();
                }
            }
            if (cache.writeFailure() != null)
            {
                throw cache.writeFailure();
            }
        }
        catch (final WriteFailedException e)
        {
            if (e != reported)
            {
                throw e;
            }
            // the run is already throwing this one: a second throw would make it suppress itself
        }
    }
}
