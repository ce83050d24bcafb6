package dev.spindle.tools.ml.cache;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.Cursor;

/**
 * Keeps results and paths within the bound, evicting a tenth at a time in whichever thread crosses
 * it (others do not wait), so the cost is amortised to about ten map operations per put. Results go
 * least recently used first; paths go dangling first (their result is gone), then in key order.
 */
final class LruEvictor
{
    private final CacheMaps maps;
    private final long maxEntries;
    private final long target;
    private final AtomicBoolean running = new AtomicBoolean();
    private final LongAdder evictions = new LongAdder();

    LruEvictor(final CacheMaps maps, final long maxEntries)
    {
        this.maps = maps;
        this.maxEntries = maxEntries;
        this.target = maxEntries - Math.max(1, maxEntries / 10);
    }

    long evictions()
    {
        return evictions.sum();
    }

    /**
     * Whether reads should refresh recency: only once the cache is at least half full, since order
     * matters only to eviction. Below that, a re-run of an unchanged tree writes nothing at all; the
     * price is that entries read only while the cache was under half full keep their insertion order.
     */
    boolean tracksRecency()
    {
        return maps.results().sizeAsLong() >= maxEntries / 2;
    }

    void maybeEvict()
    {
        if (maps.results().sizeAsLong() <= maxEntries && maps.paths().sizeAsLong() <= maxEntries || !running.compareAndSet(false, true))
        {
            return;
        }
        try
        {
            if (maps.results().sizeAsLong() > maxEntries)
            {
                evictResults();
            }
            if (maps.paths().sizeAsLong() > maxEntries)
            {
                trimPaths();
            }
        }
        finally
        {
            running.set(false);
        }
    }

    private void evictResults()
    {
        final Cursor<Long, byte[]> oldest = maps.lru().cursor(null);
        while (maps.results().sizeAsLong() > target && oldest.hasNext())
        {
            final long stamp = oldest.next();
            final byte[] hash = oldest.getValue();
            final Long current = maps.stamps().get(hash);
            // no stamp: evicted already; a larger one: used since. Either way this lru entry is stale
            if (current != null && current <= stamp)
            {
                maps.stamps().remove(hash);
                if (maps.results().remove(hash) != null)
                {
                    evictions.increment();
                }
            }
            maps.lru().remove(stamp);
        }
        // a result whose stamp was lost in a put racing an eviction is never found above: drop some in key order
        final Cursor<byte[], byte[]> any = maps.results().cursor(null);
        while (maps.results().sizeAsLong() > target && any.hasNext())
        {
            final byte[] hash = any.next();
            maps.stamps().remove(hash);
            if (maps.results().remove(hash) != null)
            {
                evictions.increment();
            }
        }
    }

    private void trimPaths()
    {
        final Cursor<String, byte[]> dangling = maps.paths().cursor(null);
        while (maps.paths().sizeAsLong() > target && dangling.hasNext())
        {
            final String path = dangling.next();
            if (!maps.results().containsKey(ResultCodec.hashOf(dangling.getValue())))
            {
                maps.paths().remove(path);
            }
        }
        final Cursor<String, byte[]> any = maps.paths().cursor(null);
        while (maps.paths().sizeAsLong() > target && any.hasNext())
        {
            maps.paths().remove(any.next());
        }
    }
}
