package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.assertResult;
import static dev.spindle.tools.ml.cache.Fixtures.hash;
import static dev.spindle.tools.ml.cache.Fixtures.path;
import static dev.spindle.tools.ml.cache.Fixtures.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.spindle.tools.ml.EmbeddingConfig;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvStoreResultCacheTest
{
    @TempDir
    Path dir;

    private final Fixtures.Warnings warnings = new Fixtures.Warnings();

    @Test
    void resultsAndPathsSurviveCloseAndReopen()
    {
        try (ResultCache cache = Fixtures.open(dir.resolve("c"), 1000, warnings))
        {
            assertInstanceOf(MvStoreResultCache.class, cache);
            for (int i = 0; i < 50; i++)
            {
                put(cache, i);
            }
            assertEquals(50, cache.stats().puts());
        }
        assertTrue(Files.isRegularFile(dir.resolve("c/results.mv.db")));
        try (ResultCache cache = Fixtures.open(dir.resolve("c"), 1000, warnings))
        {
            for (int i = 0; i < 50; i++)
            {
                assertArrayEquals(hash(i), cache.knownHash(path(i), 1000L + i, 1_700_000_000_000L + i));
                assertResult(i, cache.get(hash(i)));
            }
            assertNull(cache.get(hash(50)));
            final CacheStats stats = cache.stats();
            assertEquals(new CacheStats(50, 50, 1, 0, 0, 50, null), stats);
        }
        assertEquals(List.of(), warnings.lines);
    }

    @Test
    void theFastPathHitsOnlyWhileSizeAndMtimeAreUnchanged()
    {
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            cache.put("/a", 10, 5000, hash(1), Fixtures.result(1));
            assertArrayEquals(hash(1), cache.knownHash("/a", 10, 5000));
            assertNull(cache.knownHash("/a", 11, 5000), "size changed");
            assertNull(cache.knownHash("/a", 10, 5001), "mtime changed");
            assertNull(cache.knownHash("/b", 10, 5000), "another path");
            cache.put("/a", 11, 6000, hash(2), Fixtures.result(2));
            assertNull(cache.knownHash("/a", 10, 5000), "the old state is forgotten");
            assertArrayEquals(hash(2), cache.knownHash("/a", 11, 6000));
            assertResult(1, cache.get(hash(1)));
            assertEquals(2, cache.stats().fastPathHits());
        }
    }

    @Test
    void identicalContentUnderAnotherPathIsFoundByHash()
    {
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            cache.put("/a", 10, 5000, hash(7), Fixtures.result(7));
            assertNull(cache.knownHash("/copy/of/a", 10, 5000));
            assertResult(7, cache.get(hash(7)));
            cache.put("/copy/of/a", 10, 5000, hash(7), Fixtures.result(7));
            assertEquals(1, cache.stats().entries(), "one result for both paths");
        }
    }

    @Test
    void evictionKeepsTheBoundAndTheRecentlyUsed()
    {
        final int max = 100;
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            for (int i = 0; i < max; i++)
            {
                put(cache, i);
            }
            assertEquals(max, cache.stats().entries());
            assertEquals(0, cache.stats().evictions());
        }
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            for (int i = 0; i < 20; i++)
            {
                assertResult(i, cache.get(hash(i)));
            }
            for (int i = max; i < max + 30; i++)
            {
                put(cache, i);
                assertTrue(cache.stats().entries() <= max, () -> "entries " + cache.stats().entries());
            }
            assertTrue(cache.stats().evictions() >= 30, cache.stats()::toString);
        }
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            for (int i = 0; i < 20; i++)
            {
                assertResult(i, cache.get(hash(i)));
            }
            for (int i = max; i < max + 30; i++)
            {
                assertResult(i, cache.get(hash(i)));
            }
            final List<Integer> survivors = new ArrayList<>();
            for (int i = 20; i < max; i++)
            {
                if (cache.get(hash(i)) != null)
                {
                    survivors.add(i);
                }
            }
            assertTrue(survivors.size() < 50, () -> "survivors " + survivors);
            // the untouched old entries went oldest first: the survivors are the newest of them
            assertEquals(survivors, IntStream.range(max - survivors.size(), max).boxed().toList());
            final byte[] known = cache.knownHash(path(20), 1020, 1_700_000_000_020L);
            assertTrue(known == null || cache.get(known) == null, "a path whose result was evicted just misses");
            assertTrue(cache.stats().entries() <= max);
        }
        assertEquals(List.of(), warnings.lines);
    }

    @Test
    void holdsAnswersWithoutTheResultAndCountsLikeGet()
    {
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            put(cache, 1);
            assertTrue(cache.holds(hash(1)));
            assertFalse(cache.holds(hash(2)));
            assertEquals(new CacheStats(0, 1, 1, 1, 0, 1, null), cache.stats());
        }
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            assertTrue(cache.holds(hash(1)), "after a reopen");
        }
        assertEquals(List.of(), warnings.lines);
    }

    @Test
    void holdsKeepsAnEntryRecentAsGetDoesAndForgetsAnEvictedOne()
    {
        final int max = 100;
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            for (int i = 0; i < max; i++)
            {
                put(cache, i);
            }
        }
        try (ResultCache cache = Fixtures.open(dir, max, warnings))
        {
            for (int i = 0; i < 20; i++)
            {
                assertTrue(cache.holds(hash(i)));
            }
            for (int i = max; i < max + 30; i++)
            {
                put(cache, i);
            }
            for (int i = 0; i < 20; i++)
            {
                assertTrue(cache.holds(hash(i)), "held recently, so not evicted: " + i);
                assertResult(i, cache.get(hash(i)));
            }
            int evicted = 0;
            for (int i = 20; i < max; i++)
            {
                if (cache.get(hash(i)) == null)
                {
                    evicted++;
                    assertFalse(cache.holds(hash(i)), "an evicted result is not held: " + i);
                }
            }
            assertTrue(evicted >= 30, "evicted " + evicted);
        }
        assertEquals(List.of(), warnings.lines);
    }

    @Test
    void thePathMapIsBoundedToo()
    {
        try (ResultCache cache = Fixtures.open(dir, 50, warnings))
        {
            for (int i = 0; i < 500; i++)
            {
                cache.put("/same/content/" + i, 1, 1, hash(0), Fixtures.result(0));
            }
            assertEquals(1, cache.stats().entries());
        }
        try (ResultCache cache = Fixtures.open(dir, 50, warnings))
        {
            int paths = 0;
            for (int i = 0; i < 500; i++)
            {
                paths += cache.knownHash("/same/content/" + i, 1, 1) == null ? 0 : 1;
            }
            final int kept = paths;
            assertTrue(kept > 0 && kept <= 50, () -> "paths kept " + kept);
        }
    }

    @Test
    void anotherEmbeddingConfigHasAStoreOfItsOwn()
    {
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            put(cache, 1);
        }
        final EmbeddingConfig other = EmbeddingConfig.DEFAULT.withTextCap(1024);
        try (ResultCache cache = MvStoreResultCache.open(dir, other, 1000, warnings))
        {
            assertNull(cache.get(hash(1)), "vectors of another config are not served");
            assertNull(cache.knownHash(path(1), 1001, 1_700_000_000_001L));
            assertEquals(0, cache.stats().entries());
            put(cache, 2);
        }
        assertTrue(Files.isRegularFile(dir.resolve("results-" + Long.toHexString(other.fingerprint()) + ".mv.db")));
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            assertResult(1, cache.get(hash(1)));
            assertNull(cache.get(hash(2)));
            assertNull(cache.stats().rebuiltBecause(), "a run under another config clears nothing");
        }
        try (ResultCache cache = MvStoreResultCache.open(dir, other, 1000, warnings))
        {
            assertResult(2, cache.get(hash(2)));
        }
        assertEquals(List.of(), warnings.lines);
    }

    @Test
    void atMostFourOtherConfigsAreKeptTheLeastRecentlyUsedGo() throws Exception
    {
        final List<Path> stores = new ArrayList<>();
        for (int cap = 1; cap <= ConfigStores.OTHER_CONFIGS + 2; cap++)
        {
            final EmbeddingConfig config = EmbeddingConfig.DEFAULT.withTextCap(1024 * cap);
            try (ResultCache cache = MvStoreResultCache.open(dir, config, 1000, warnings))
            {
                put(cache, cap);
            }
            final Path store = dir.resolve("results-" + Long.toHexString(config.fingerprint()) + ".mv.db");
            Files.setLastModifiedTime(store, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * cap)); // use order, coarse clocks or not
            stores.add(store);
        }
        // the fifth and sixth opens each removed the least recently used of the others
        assertEquals(2, warnings.lines.size(), warnings::toString);
        for (int i = 0; i < stores.size(); i++)
        {
            final boolean removed = i < 2;
            assertEquals(removed, Files.notExists(stores.get(i)), stores.get(i).toString());
            if (removed)
            {
                assertTrue(warnings.lines.get(i).contains(stores.get(i).toString()) && warnings.lines.get(i).contains("removed"), warnings::toString);
            }
        }
        assertEquals(ConfigStores.OTHER_CONFIGS, stores.stream().filter(Files::isRegularFile).count());
    }

    @Test
    void theDefaultStoreMadeUnderAnotherConfigIsCleared()
    {
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            put(cache, 1);
        }
        try (MVStore raw = new MVStore.Builder().fileName(dir.resolve("results.mv.db").toString()).open())
        {
            CacheMaps.openMeta(raw).put("fingerprint", "123abc"); // as an older build's default config left it
        }
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            assertEquals(1, warnings.lines.size(), warnings::toString);
            assertTrue(warnings.lines.get(0).contains("another embedding config") && warnings.lines.get(0).endsWith(": cleared"), warnings::toString);
            assertNull(cache.get(hash(1)));
            assertTrue(cache.stats().rebuiltBecause().contains("another embedding config"));
        }
    }

    @Test
    void anotherCacheFormatClearsTheCache()
    {
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            put(cache, 1);
        }
        try (MVStore raw = new MVStore.Builder().fileName(dir.resolve("results.mv.db").toString()).open())
        {
            CacheMaps.openMeta(raw).put("format", "0");
        }
        try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
        {
            assertEquals(List.of("cache " + dir.resolve("results.mv.db") + " was made under cache format 0 (this build uses "
                + ResultCodec.FORMAT + "): cleared"), warnings.lines);
            assertNull(cache.get(hash(1)));
            assertEquals(0, cache.stats().entries());
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryRunsWithoutTheCache()
    {
        try (ResultCache first = Fixtures.open(dir, 1000, warnings))
        {
            put(first, 1);
            try (ResultCache second = Fixtures.open(dir, 1000, warnings))
            {
                // MVStore locks the file (FileChannel.tryLock), which within one JVM throws OverlappingFileLockException: "locked"
                assertSame(ResultCache.NONE, second);
                assertEquals(1, warnings.lines.size(), warnings::toString);
                assertTrue(warnings.lines.get(0).contains("is in use"), warnings::toString);
                second.put(path(2), 1, 1, hash(2), Fixtures.result(2));
                assertNull(second.get(hash(1)));
            }
            assertResult(1, first.get(hash(1)));
        }
        try (ResultCache again = Fixtures.open(dir, 1000, warnings))
        {
            assertResult(1, again.get(hash(1)));
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedRunsWithoutTheCache() throws Exception
    {
        final Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        try (ResultCache cache = Fixtures.open(notADir.resolve("cache"), 1000, warnings))
        {
            assertSame(ResultCache.NONE, cache);
            put(cache, 1);
            assertNull(cache.get(hash(1)));
        }
        assertEquals(1, warnings.lines.size(), warnings::toString);
        assertTrue(warnings.lines.get(0).startsWith("cache directory ") && warnings.lines.get(0).contains("not usable"), warnings::toString);
    }

    @Test
    void noneMissesEverything()
    {
        ResultCache.NONE.put("/a", 1, 1, hash(1), Fixtures.result(1));
        assertNull(ResultCache.NONE.knownHash("/a", 1, 1));
        assertNull(ResultCache.NONE.get(hash(1)));
        assertEquals(CacheStats.EMPTY, ResultCache.NONE.stats());
        ResultCache.NONE.close();
    }

    @Test
    void afterCloseEverythingMissesQuietly()
    {
        final ResultCache cache = Fixtures.open(dir, 1000, warnings);
        put(cache, 1);
        cache.close();
        cache.close();
        assertNull(cache.get(hash(1)));
        put(cache, 2);
        assertEquals(List.of(), warnings.lines);
    }
}
