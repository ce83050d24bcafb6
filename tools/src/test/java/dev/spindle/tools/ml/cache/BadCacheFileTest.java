package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.assertResult;
import static dev.spindle.tools.ml.cache.Fixtures.hash;
import static dev.spindle.tools.ml.cache.Fixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever lies at results.mv.db, the run goes on: bad files are moved aside with one warning line. */
class BadCacheFileTest
{
    @TempDir
    Path dir;

    private final Fixtures.Warnings warnings = new Fixtures.Warnings();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random bytes", "empty file", "truncated header", "text file", "foreign MVStore"})
    void aBadFileIsMovedAsideAndAFreshCacheWorks(final String kind) throws IOException
    {
        final Path file = dir.resolve("results.mv.db");
        final byte[] original = badBytes(kind, file);
        final ResultCache cache = Fixtures.open(dir, 1000, warnings);
        try (cache)
        {
            assertInstanceOf(MvStoreResultCache.class, cache);
            assertEquals(1, warnings.lines.size(), warnings::toString);
            final String line = warnings.lines.get(0);
            assertTrue(line.startsWith("cache " + file + " is unreadable (") && line.endsWith("): rebuilt empty"), line);
            assertTrue(cache.stats().rebuiltBecause() != null);
            assertNull(cache.get(hash(1)));
            put(cache, 1);
        }
        final List<Path> bad = badFiles();
        assertEquals(1, bad.size(), bad::toString);
        assertTrue(Arrays.equals(original, Files.readAllBytes(bad.get(0))), "the bad file is kept as it was");
        try (ResultCache again = Fixtures.open(dir, 1000, warnings))
        {
            assertResult(1, again.get(hash(1)));
        }
        assertEquals(1, warnings.lines.size(), warnings::toString);
    }

    @Test
    void onlyTheNewestBadFileIsKept() throws IOException
    {
        final Path file = dir.resolve("results.mv.db");
        for (int round = 0; round < 3; round++)
        {
            Files.writeString(file, "not a store, round " + round);
            Fixtures.open(dir, 1000, warnings).close();
            Files.delete(file);
        }
        final List<Path> bad = badFiles();
        assertEquals(1, bad.size(), bad::toString);
        assertEquals("not a store, round 2", Files.readString(bad.get(0)));
        assertEquals(3, warnings.lines.size());
    }

    /** MVStore's own recovery: a store cut behind its header falls back to its last complete commit. */
    @Test
    void aStoreTruncatedMidwayOpensAtAnEarlierCommit() throws IOException
    {
        try (ResultCache cache = Fixtures.open(dir, 100_000, warnings))
        {
            for (int i = 0; i < 3000; i++)
            {
                put(cache, i);
            }
        }
        final Path file = dir.resolve("results.mv.db");
        final byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        try (ResultCache cache = Fixtures.open(dir, 100_000, warnings))
        {
            assertInstanceOf(MvStoreResultCache.class, cache);
            final long entries = cache.stats().entries();
            for (int i = 0; i < 3000; i++)
            {
                if (cache.get(hash(i)) != null)
                {
                    assertResult(i, cache.get(hash(i)));
                }
            }
            put(cache, 5000);
            assertResult(5000, cache.get(hash(5000)));
            assertTrue(entries < 3000 || !warnings.lines.isEmpty(), "either an earlier commit or a rebuild");
        }
        assertTrue(warnings.lines.size() <= 1, warnings::toString);
    }

    /** Garbage written over live pages: whatever MVStore notices, a get never returns a wrong result and the next run works. */
    @Test
    void damagedPagesNeverGiveWrongResults() throws IOException
    {
        try (ResultCache cache = Fixtures.open(dir, 100_000, warnings))
        {
            for (int i = 0; i < 3000; i++)
            {
                put(cache, i);
            }
        }
        final Path file = dir.resolve("results.mv.db");
        final byte[] bytes = Files.readAllBytes(file);
        final Random random = new Random(7);
        for (int k = 0; k < 20; k++)
        {
            final int at = bytes.length / 4 + random.nextInt(bytes.length / 2);
            for (int j = 0; j < 64; j++)
            {
                bytes[at + j] = (byte) random.nextInt();
            }
        }
        Files.write(file, bytes);
        int found = 0;
        try (ResultCache cache = Fixtures.open(dir, 100_000, warnings))
        {
            for (int i = 0; i < 3000; i++)
            {
                final CachedResult got = cache.get(hash(i));
                if (got != null)
                {
                    assertResult(i, got);
                    found++;
                }
            }
            put(cache, 5000);
        }
        System.out.println("damaged store: " + found + " of 3000 entries read back intact; warnings " + warnings);
        assertTrue(warnings.lines.size() <= 2, warnings::toString);
        final int before = warnings.lines.size();
        try (ResultCache again = Fixtures.open(dir, 100_000, warnings))
        {
            assertInstanceOf(MvStoreResultCache.class, again);
            put(again, 6000);
            assertResult(6000, again.get(hash(6000)));
        }
        assertEquals(before, warnings.lines.size(), warnings::toString);
    }

    private byte[] badBytes(final String kind, final Path file) throws IOException
    {
        switch (kind)
        {
            case "random bytes" ->
            {
                final byte[] bytes = new byte[64 * 1024];
                new Random(42).nextBytes(bytes);
                Files.write(file, bytes);
            }
            case "empty file" -> Files.write(file, new byte[0]);
            case "truncated header" ->
            {
                try (ResultCache cache = Fixtures.open(dir, 1000, warnings))
                {
                    put(cache, 9);
                }
                Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 3000));
            }
            case "text file" -> Files.writeString(file, "just some notes\n".repeat(500), StandardCharsets.UTF_8);
            case "foreign MVStore" ->
            {
                try (MVStore store = new MVStore.Builder().fileName(file.toString()).open())
                {
                    final MVMap<String, String> map = store.openMap("customers");
                    map.put("alice", "bob");
                }
            }
            default -> throw new AssertionError(kind);
        }
        return Files.readAllBytes(file);
    }

    private List<Path> badFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(f -> f.getFileName().toString().startsWith("results.mv.db.bad-")).sorted().toList();
        }
    }
}
