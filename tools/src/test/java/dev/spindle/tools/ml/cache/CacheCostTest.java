package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints what a put, a get and a fast-path lookup cost per entry; no timing is asserted. */
class CacheCostTest
{
    private static final int N = 20_000;

    @TempDir
    Path dir;

    @Test
    void printCostPerEntry() throws Exception
    {
        final byte[][] hashes = new byte[N][];
        final CachedResult[] results = new CachedResult[N];
        for (int i = 0; i < N; i++)
        {
            hashes[i] = hash(i);
            results[i] = Fixtures.result(i);
        }
        final Fixtures.Warnings warnings = new Fixtures.Warnings();
        long t0 = System.nanoTime();
        try (ResultCache cache = Fixtures.open(dir, 1_000_000, warnings))
        {
            for (int i = 0; i < N; i++)
            {
                cache.put(Fixtures.path(i), i, i, hashes[i], results[i]);
            }
            report("put", t0);
            t0 = System.nanoTime();
        }
        report("close (commit)", t0, 1);
        t0 = System.nanoTime();
        try (ResultCache cache = Fixtures.open(dir, 1_000_000, warnings))
        {
            report("reopen", t0, 1);
            for (int pass = 0; pass < 2; pass++)
            {
                t0 = System.nanoTime();
                int hits = 0;
                for (int i = 0; i < N; i++)
                {
                    hits += cache.knownHash(Fixtures.path(i), i, i) != null ? 1 : 0;
                }
                report("knownHash, pass " + (pass + 1), t0);
                t0 = System.nanoTime();
                for (int i = 0; i < N; i++)
                {
                    hits += cache.get(hashes[i]) != null ? 1 : 0;
                }
                report("get, pass " + (pass + 1) + (pass == 0 ? " (re-stamps every entry)" : ""), t0);
                assertEquals(2 * N, hits);
            }
        }
        System.out.printf("store file: %.1f MB for %d entries (%d-float vectors on 2 of 3)%n",
            Files.size(dir.resolve("results.mv.db")) / 1e6, N, Fixtures.DIMS);
    }

    private static void report(final String what, final long t0)
    {
        report(what, t0, N);
    }

    private static void report(final String what, final long t0, final int count)
    {
        final double micros = (System.nanoTime() - t0) / 1e3 / count;
        System.out.printf("cache cost: %-45s %10.2f us%s%n", what, micros, count == 1 ? "" : " per entry");
    }
}
