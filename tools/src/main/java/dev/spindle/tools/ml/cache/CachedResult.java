package dev.spindle.tools.ml.cache;

import java.util.List;

import dev.spindle.tools.ml.Category;
import dev.spindle.tools.ml.FileAnalysis;

/**
 * What the cache keeps for one content hash.
 *
 * @param analysis   the file's analysis
 * @param embedding  the vector, or null for content that is not embedded (BINARY, EMPTY)
 * @param scoredBy   the digest of the model whose feature-reading classifier gave {@code categories}, 0 for none
 * @param categories that model's best categories, best first (empty unless scoredBy is set): such a
 *                   classifier reads the file's features, which the cache does not keep
 */
public record CachedResult(FileAnalysis analysis, float[] embedding, long scoredBy, List<Category> categories)
{
    public CachedResult(final FileAnalysis analysis, final float[] embedding)
    {
        this(analysis, embedding, 0, List.of());
    }
}
