package dev.spindle.tools.ml;

/** Where a file's result came from, cheapest first: how much ML work the cache saved. */
public enum ResultSource
{
    /** Path, size and mtime unchanged since a cached run: the file was not even read. */
    FAST_PATH,
    /** Read and hashed; its content was in the cache. */
    CACHED_CONTENT,
    /** Same content as another file in the same batch: embedded once for both. */
    DUPLICATE,
    /** Analysed and, if text, embedded now. */
    COMPUTED;

    public String jsonName()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
