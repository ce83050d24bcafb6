package dev.spindle.tools;

import java.util.List;

import dev.spindle.engine.CostFunction;

/**
 * The seed design's complexity formula: min(size / 100 KiB, 20) + contentLength / 1000 + 2 per
 * category + 15 without an embedding + 10 when not yet analysed. It was the engine's default before
 * the engine stopped knowing about files; it names the file features ({@link FileFeatures}) so the
 * tuner's cost model learns what size and embeddings really cost beside the formula's guess.
 */
public final class SeedCost implements CostFunction<FileItem>
{
    public static final SeedCost INSTANCE = new SeedCost();

    private static final double SIZE_UNIT_BYTES = 100 * 1024;
    private static final double MAX_SIZE_SCORE = 20;

    private SeedCost()
    {
    }

    @Override
    public double cost(final FileItem item)
    {
        final double sizeScore = Math.min(item.sizeBytes() / SIZE_UNIT_BYTES, MAX_SIZE_SCORE);
        final double contentScore = item.contentLength() / 1000.0;
        final double categoryScore = 2.0 * item.categories().size();
        final double embeddingScore = item.hasFlag(FileItem.HAS_EMBEDDING) ? 0 : 15;
        final double analysisScore = item.hasFlag(FileItem.ANALYZED) ? 0 : 10;
        return sizeScore + contentScore + categoryScore + embeddingScore + analysisScore;
    }

    @Override
    public List<String> featureNames()
    {
        return FileFeatures.NAMES;
    }

    @Override
    public void features(final FileItem item, final double[] into)
    {
        FileFeatures.write(item, into);
    }
}
