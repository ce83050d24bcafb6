package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.assertResult;
import static dev.spindle.tools.ml.cache.Fixtures.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four workers putting and getting at once, with and without eviction running under them. */
class ConcurrentCacheTest
{
    private static final int THREADS = 4;
    private static final int PER_THREAD = 2000;

    @TempDir
    Path dir;

    @Test
    void fourWorkersShareOneCache() throws Exception
    {
        final Fixtures.Warnings warnings = new Fixtures.Warnings();
        try (ResultCache cache = Fixtures.open(dir, 1_000_000, warnings))
        {
            hammer(cache, true);
            // half of each worker's entries are shared with another worker: 4 x 2000 puts, 4 x 1000 + 1000 distinct
            assertEquals((long) THREADS * PER_THREAD / 2 + PER_THREAD / 2, cache.stats().entries());
            assertEquals((long) THREADS * PER_THREAD, cache.stats().puts());
        }
        try (ResultCache cache = Fixtures.open(dir, 1_000_000, warnings))
        {
            for (int i = 0; i < (THREADS + 1) * PER_THREAD / 2; i += 7)
            {
                assertResult(i, cache.get(hash(i)));
            }
        }
        assertEquals(List.of(), warnings.lines);
    }

    @Test
    void evictionUnderConcurrentLoadKeepsTheBoundRoughly() throws Exception
    {
        final Fixtures.Warnings warnings = new Fixtures.Warnings();
        final int max = 500;
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            hammer(cache, false);
            final CacheStats stats = cache.stats();
            assertTrue(stats.entries() <= max + THREADS, stats::toString);
            assertTrue(stats.evictions() > 0, stats::toString);
        }
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            assertTrue(cache.stats().entries() <= max + THREADS, cache.stats()::toString);
        }
        assertEquals(List.of(), warnings.lines);
    }

    /** Worker t puts entries [t * PER_THREAD / 2, ...) so neighbours overlap by half, reading each back. */
    private static void hammer(final ResultCache cache, final boolean expectAll) throws Exception
    {
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try
        {
            final List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                final int from = t * PER_THREAD / 2;
                done.add(pool.submit(() ->
                {
                    for (int i = from; i < from + PER_THREAD; i++)
                    {
                        Fixtures.put(cache, i);
                        final CachedResult back = cache.get(hash(i));
                        if (expectAll || back != null)
                        {
                            assertResult(i, back);
                        }
                        final int earlier = from + (i - from) / 2;
                        final CachedResult old = cache.get(hash(earlier));
                        if (expectAll || old != null)
                        {
                            assertResult(earlier, old);
                        }
                    }
                    return null;
                }));
            }
            for (final Future<?> f : done)
            {
                f.get();
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }
}
