package dev.spindle.tools.ml;

import java.util.List;

/**
 * What the ML processor returns for one file: its analysis, SHA-256, embedding (null unless TEXT)
 * and top categories (empty without a model). The embedding array is owned by the result.
 */
public record FileResult(FileAnalysis analysis, byte[] contentHash, float[] embedding, List<Category> categories, ResultSource source)
{
}
