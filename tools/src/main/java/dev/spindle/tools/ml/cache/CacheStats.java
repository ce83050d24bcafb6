package dev.spindle.tools.ml.cache;

/**
 * Counters of one open cache.
 *
 * @param fastPathHits   {@code knownHash} calls answered (path, size and mtime unchanged)
 * @param hashHits       {@code get} calls answered
 * @param misses         {@code get} calls not answered
 * @param puts           {@code put} calls
 * @param evictions      results evicted to stay within the bound
 * @param entries        results held now
 * @param rebuiltBecause why the store was rebuilt or cleared when opened, or null
 */
public record CacheStats(long fastPathHits, long hashHits, long misses, long puts, long evictions, long entries, String rebuiltBecause)
{
    public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, 0, null);
}
