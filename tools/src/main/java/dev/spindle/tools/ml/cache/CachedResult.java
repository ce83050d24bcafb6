package dev.spindle.tools.ml.cache;

import dev.spindle.tools.ml.FileAnalysis;

/**
 * What the cache keeps for one content hash.
 *
 * @param analysis  the file's analysis
 * @param embedding the vector, or null for content that is not embedded (BINARY, EMPTY)
 */
public record CachedResult(FileAnalysis analysis, float[] embedding)
{
}
