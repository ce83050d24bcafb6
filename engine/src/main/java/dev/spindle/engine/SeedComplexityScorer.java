package dev.spindle.engine;

/**
 * The seed design's complexity formula: min(size / 100 KiB, 20) + contentLength / 1000
 * + 2 per category + 15 without an embedding + 10 when not yet analysed.
 */
public final class SeedComplexityScorer implements ComplexityScorer
{
    public static final SeedComplexityScorer INSTANCE = new SeedComplexityScorer();

    private static final double SIZE_UNIT_BYTES = 100 * 1024;
    private static final double MAX_SIZE_SCORE = 20;

    private SeedComplexityScorer()
    {
    }

    @Override
    public double complexity(final Item item)
    {
        final double sizeScore = Math.min(item.sizeBytes() / SIZE_UNIT_BYTES, MAX_SIZE_SCORE);
        final double contentScore = item.contentLength() / 1000.0;
        final double categoryScore = 2.0 * item.categories().size();
        final double embeddingScore = item.hasFlag(Item.HAS_EMBEDDING) ? 0 : 15;
        final double analysisScore = item.hasFlag(Item.ANALYZED) ? 0 : 10;
        return sizeScore + contentScore + categoryScore + embeddingScore + analysisScore;
    }
}
