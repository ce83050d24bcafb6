package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.tools.FileItem;
import org.junit.jupiter.api.Test;

class MlComplexityScorerTest
{
    private final MlComplexityScorer scorer = new MlComplexityScorer(EmbeddingConfig.DEFAULT.withTextCap(64 * 1024));

    private double of(final long size, final boolean cached)
    {
        return scorer.cost(new FileItem().sizeBytes(size).flag(FileItem.HAS_EMBEDDING, cached));
    }

    @Test
    void textCostsPerKibUpToTheCapAndLittlePastIt()
    {
        assertEquals(MlComplexityScorer.PER_FILE, of(0, false), 1e-9);
        assertEquals(MlComplexityScorer.PER_FILE + 10 * MlComplexityScorer.PER_TEXT_KIB, of(10 * 1024, false), 1e-9);
        final double atCap = of(64 * 1024, false);
        final double mibPast = of(64 * 1024 + 1024 * 1024, false);
        assertEquals(MlComplexityScorer.PER_MIB_PAST_CAP, mibPast - atCap, 1e-9);
        assertTrue(mibPast - atCap < 1024 * MlComplexityScorer.PER_TEXT_KIB, "hashing a MiB is cheaper than analysing it");
    }

    @Test
    void aFileTheCacheHoldsCostsALookUpWhateverItsSize()
    {
        assertEquals(MlComplexityScorer.CACHED, of(50L << 20, true), 1e-9);
        assertTrue(of(100, true) < of(100, false));
    }
}
