package dev.spindle.tools.ml.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.FileAnalysis;

/** Entry number i as a content hash, a result and a path; the warnings a cache reports. */
final class Fixtures
{
    static final int DIMS = 256;

    private Fixtures()
    {
    }

    static byte[] hash(final int i)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(("content " + i).getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new AssertionError(e);
        }
    }

    static String path(final int i)
    {
        return "/tree/dir" + i % 10 + "/file" + i + ".txt";
    }

    /** Every third entry is BINARY, without an embedding. */
    static CachedResult result(final int i)
    {
        if (i % 3 == 2)
        {
            return new CachedResult(new FileAnalysis(i, 0, 0, 7.5, ContentKind.BINARY, 0), null);
        }
        final float[] vector = new float[DIMS];
        for (int d = 0; d < DIMS; d++)
        {
            vector[d] = (float) Math.sin(i * 31.0 + d);
        }
        return new CachedResult(new FileAnalysis(1000L + i, i, 3L * i, 4.25, ContentKind.TEXT, 900L + i), vector);
    }

    static void put(final ResultCache cache, final int i)
    {
        cache.put(path(i), 1000L + i, 1_700_000_000_000L + i, hash(i), result(i));
    }

    static void assertResult(final int i, final CachedResult actual)
    {
        assertNotNull(actual, () -> "entry " + i + " missing");
        final CachedResult expected = result(i);
        assertEquals(expected.analysis(), actual.analysis());
        assertArrayEquals(expected.embedding(), actual.embedding());
    }

    static ResultCache open(final Path dir, final long maxEntries, final Consumer<String> warnings)
    {
        return MvStoreResultCache.open(dir, EmbeddingConfig.DEFAULT, maxEntries, warnings);
    }

    /** Collects warning lines and checks each is a single line. */
    static final class Warnings implements Consumer<String>
    {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void accept(final String line)
        {
            if (line.contains("\n") || line.contains("\tat "))
            {
                throw new AssertionError("not one line: " + line);
            }
            lines.add(line);
        }

        @Override
        public String toString()
        {
            return lines.toString();
        }
    }
}
