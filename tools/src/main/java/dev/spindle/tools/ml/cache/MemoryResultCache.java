package dev.spindle.tools.ml.cache;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The run-only cache behind {@code --no-cache}: identical content is still embedded once per run,
 * up to {@code maxEntries} distinct contents; past that it stops remembering (no eviction churn) and
 * later duplicates are simply computed again. No fast path: nothing outlives the run.
 */
public final class MemoryResultCache implements ResultCache
{
    private final ConcurrentHashMap<ByteBuffer, CachedResult> results = new ConcurrentHashMap<>();
    private final long maxEntries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();

    public MemoryResultCache(final long maxEntries)
    {
        this.maxEntries = maxEntries;
    }

    @Override
    public byte[] knownHash(final String path, final long size, final long mtimeMillis)
    {
        return null;
    }

    @Override
    public CachedResult get(final byte[] contentHash)
    {
        final CachedResult result = results.get(ByteBuffer.wrap(contentHash));
        (result == null ? misses : hits).increment();
        return result;
    }

    @Override
    public void put(final String path, final long size, final long mtimeMillis, final byte[] contentHash, final CachedResult result)
    {
        if (results.size() < maxEntries)
        {
            results.putIfAbsent(ByteBuffer.wrap(contentHash.clone()), result);
            puts.increment();
        }
    }

    @Override
    public CacheStats stats()
    {
        return new CacheStats(0, hits.sum(), misses.sum(), puts.sum(), 0, results.size(), null);
    }

    @Override
    public void close()
    {
        results.clear();
    }
}
