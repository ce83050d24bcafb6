package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.Path;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileAnalysis;
import dev.spindle.tools.ml.FileAnalyzer;
import dev.spindle.tools.ml.SparseFeatures;

/**
 * A training pass of {@code spindle train}: analyses the files (or a fixed sample, one in
 * {@code stride}, chosen by a hash of the path, so reruns pick the same ones) and hands each text
 * file's raw hashed features to a sink: document frequencies for the embedding classifiers' term
 * weights, or every file's features for the sparse classifier. No embedding, no cache: training
 * reads what it learns from; the other files succeed unread.
 */
final class TermCountProcessor implements BatchProcessor<FileItem>
{
    /** Receives a text file's unweighted features on a worker thread; they are reused once it returns. */
    interface Sink
    {
        void text(FileItem item, SparseFeatures features);
    }

    private final EmbeddingConfig config;
    private final Sink sink;
    private final int stride;
    private final ThreadLocal<FileAnalyzer> analyzer;
    private final ThreadLocal<SparseFeatures> features;

    TermCountProcessor(final EmbeddingConfig config, final Sink sink, final int stride)
    {
        this.config = config;
        this.sink = sink;
        this.stride = stride;
        this.analyzer = ThreadLocal.withInitial(() -> new FileAnalyzer(this.config));
        this.features = ThreadLocal.withInitial(() -> new SparseFeatures(this.config));
    }

    /** One in {@code stride} paths, by a hash of the path's text. */
    static boolean sampled(final Path path, final int stride)
    {
        if (stride <= 1)
        {
            return true;
        }
        int h = path.toString().hashCode() * 0x9E3779B1;
        h ^= h >>> 15;
        return Integer.remainderUnsigned(h, stride) == 0;
    }

    @Override
    public void process(final Batch<FileItem> batch)
    {
        final FileAnalyzer own = analyzer.get();
        final SparseFeatures scratch = features.get();
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
            if (!sampled(item.path(), stride))
            {
                batch.succeed(i, null);
                continue;
            }
            try
            {
                if (FileGate.regularFile(batch, i, item.path()) == null)
                {
                    continue;
                }
                final FileAnalysis analysis = own.analyze(item.path(), scratch, batch::isAbandoned);
                if (analysis == null)
                {
                    return;
                }
                if (analysis.kind() == ContentKind.TEXT)
                {
                    sink.text(item, scratch);
                }
                batch.succeed(i, null);
            }
            catch (final IOException e)
            {
                batch.fail(i, FileGate.failure(e));
            }
        }
    }
}
