package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.assertResult;
import static dev.spindle.tools.ml.cache.Fixtures.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM puts in a loop and is SIGKILLed; the store must reopen without complaint and hold
 * everything put more than a few seconds before the kill (the loop fills the unsaved buffer, and so commits, many times a second).
 * While the child runs, its lock makes this JVM's open fall back to running without the cache.
 */
class CacheKillTest
{
    private static final long GRACE_MILLIS = 4000;

    @TempDir
    Path dir;

    @Test
    void aStoreKilledWhilePuttingReopensWithAllButTheLastSeconds() throws Exception
    {
        final Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), CachePutLoopMain.class.getName(), dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final Fixtures.Warnings warnings = new Fixtures.Warnings();
        long durable = -1;
        long lastSeen = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            long graceFrom = 0;
            String line;
            while ((line = lines.readLine()) != null && line.startsWith("put "))
            {
                lastSeen = Long.parseLong(line.substring(4));
                if (durable < 0 && lastSeen >= 2000)
                {
                    durable = lastSeen;
                    graceFrom = System.nanoTime();
                    try (ResultCache meanwhile = Fixtures.open(dir, 1000, warnings))
                    {
                        assertSame(ResultCache.NONE, meanwhile, "the child holds the lock");
                    }
                }
                if (durable >= 0 && System.nanoTime() - graceFrom > TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS))
                {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        finally
        {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child did not exit");
        }
        assertTrue(durable > 0, "the child never got going");
        assertEquals(1, warnings.lines.size(), warnings::toString);
        assertTrue(warnings.lines.get(0).contains("is in use by another process"), warnings::toString);

        final Fixtures.Warnings after = new Fixtures.Warnings();
        try (ResultCache cache = Fixtures.open(dir, 1_000_000, after))
        {
            assertInstanceOf(MvStoreResultCache.class, cache);
            assertEquals(List.of(), after.lines, "a killed store reopens cleanly");
            final long entries = cache.stats().entries();
            final long putBeforeGrace = durable;
            System.out.printf("killed after %d puts reported, %d entries survived (%d reported %d ms before the kill)%n",
                lastSeen, entries, durable, GRACE_MILLIS);
            assertTrue(entries >= putBeforeGrace, () -> entries + " entries, but " + putBeforeGrace + " were put " + GRACE_MILLIS + " ms before the kill");
            for (int i = 0; i < durable; i += 97)
            {
                assertResult(i, cache.get(hash(i)));
            }
            Fixtures.put(cache, 999_999);
            assertResult(999_999, cache.get(hash(999_999)));
        }
    }
}
