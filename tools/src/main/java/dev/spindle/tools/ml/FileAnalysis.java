package dev.spindle.tools.ml;

/**
 * What one streaming pass learns of a file. Bytes and lines cover the whole file; entropy the first
 * {@link EmbeddingConfig#textCapBytes()} bytes (all of a smaller file); tokens only the analysed text
 * prefix ({@code textBytes} of it). Entropy is the Shannon entropy of the byte histogram in bits per byte (0..8).
 */
public record FileAnalysis(long bytes, long lines, long tokens, double entropy, ContentKind kind, long textBytes)
{
    public boolean truncated()
    {
        return kind == ContentKind.TEXT && textBytes < bytes;
    }
}
