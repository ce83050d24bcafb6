package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.Path;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.DocumentFrequencies;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileAnalysis;
import dev.spindle.tools.ml.FileAnalyzer;
import dev.spindle.tools.ml.SparseFeatures;

/**
 * The first pass of {@code spindle train}: analyses a fixed sample of the files (one in
 * {@code stride}, chosen by a hash of the path, so reruns pick the same ones) and counts the
 * document frequency of their features; the other files succeed unread. No embedding: the sample
 * bounds what learning the weights adds to training, at the price of estimating rare buckets' df.
 */
final class TermCountProcessor implements BatchProcessor<FileItem>
{
    private final EmbeddingConfig config;
    private final DocumentFrequencies frequencies;
    private final int stride;
    private final ThreadLocal<FileAnalyzer> analyzer;
    private final ThreadLocal<SparseFeatures> features;

    TermCountProcessor(final EmbeddingConfig config, final DocumentFrequencies frequencies, final int stride)
    {
        this.config = config;
        this.frequencies = frequencies;
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
                    frequencies.add(scratch);
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
