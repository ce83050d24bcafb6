package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings of real files with the default config: determinism, batching, similarity. */
class BatchEmbedderTest
{
    private static final EmbeddingConfig CONFIG = EmbeddingConfig.DEFAULT;
    private static Projection projection;

    @TempDir
    Path dir;

    private final FileAnalyzer analyzer = new FileAnalyzer(CONFIG);

    @BeforeAll
    static void project()
    {
        projection = Projection.create(CONFIG);
    }

    private SparseFeatures features(final String name, final String text) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        final SparseFeatures out = new SparseFeatures(CONFIG);
        analyzer.analyze(file, out, () -> false);
        return out;
    }

    private static float[] embedOne(final Projection p, final SparseFeatures f)
    {
        final float[][] out = {new float[CONFIG.dims()]};
        new BatchEmbedder(p).embed(new SparseFeatures[] {f}, 1, out);
        return out[0];
    }

    private static double cosine(final float[] a, final float[] b)
    {
        double dot = 0;
        for (int k = 0; k < a.length; k++)
        {
            dot += a[k] * b[k];
        }
        return dot;
    }

    private static String repeat(final String s, final int times)
    {
        return String.join(" ", java.util.Collections.nCopies(times, s));
    }

    @Test
    void sameTextGivesIdenticalVectorsAcrossProjections() throws IOException
    {
        final SparseFeatures f = features("a.txt", "Deterministic embeddings make caches trustworthy.");
        final float[] first = embedOne(projection, f);
        final float[] second = embedOne(Projection.create(CONFIG), features("b.txt", "Deterministic embeddings make caches trustworthy."));
        assertArrayEquals(first, second);
        assertEquals(1.0, cosine(first, first), 1e-5);
    }

    @Test
    void batchEqualsOneAtATime() throws IOException
    {
        final SparseFeatures[] files = {
            features("empty", ""),
            features("short", "tiny file"),
            features("long", repeat("a long document about scheduling batches of work on worker threads", 3000)),
            features("mid", repeat("middle sized text with numbers 12345 and Unicode caf\u00e9", 40)),
            features("bin", "nul \u0000 inside"),
            features("unused", "not in the batch"),
        };
        final int count = files.length - 1;
        final float[][] out = new float[files.length][CONFIG.dims()];
        Arrays.fill(out[count], Float.NaN);
        new BatchEmbedder(projection).embed(files, count, out);
        for (int i = 0; i < count; i++)
        {
            final float[] alone = embedOne(projection, files[i]);
            assertArrayEquals(alone, out[i], "bit-identical: files in a batch are embedded independently");
        }
        assertArrayEquals(new float[CONFIG.dims()], out[0]);
        assertArrayEquals(new float[CONFIG.dims()], out[4]);
        assertTrue(Float.isNaN(out[count][0]), "out beyond count is left alone");
        assertEquals(1.0, cosine(out[2], out[2]), 1e-5);
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() throws IOException
    {
        final float[] a = embedOne(projection, features("a", "The quick brown fox jumps over the lazy dog near the river bank."));
        final float[] b = embedOne(projection, features("b", "A quick brown fox jumped over lazy dogs by the river banks."));
        final float[] c = embedOne(projection, features("c", "Quarterly revenue increased due to strong semiconductor sales in Asia."));
        final double similar = cosine(a, b);
        final double unrelated = cosine(a, c);
        assertTrue(similar > unrelated + 0.2, "similar " + similar + " vs unrelated " + unrelated);
    }

    @Test
    void theFactoredProjectionIsTheProductOfADenseSignMatrix() throws IOException
    {
        final SparseFeatures f = features("dense.txt", repeat("every bucket row is high times low, signs of one magnitude", 20));
        final double magnitude = 1 / Math.sqrt(CONFIG.dims());
        final double[] dense = new double[CONFIG.dims()];
        for (int i = 0; i < f.size(); i++)
        {
            for (int k = 0; k < CONFIG.dims(); k++)
            {
                final float entry = projection.entry(f.bucket(i), k);
                assertEquals(magnitude, Math.abs(entry), 1e-9);
                dense[k] += f.value(i) * (double) entry;
            }
        }
        double norm = 0;
        for (final double v : dense)
        {
            norm += v * v;
        }
        final float[] embedded = embedOne(projection, f);
        for (int k = 0; k < CONFIG.dims(); k++)
        {
            assertEquals(dense[k] / Math.sqrt(norm), embedded[k], 1e-5, "dim " + k);
        }
        int negative = 0;
        for (int r = 0; r < CONFIG.buckets(); r += 97)
        {
            negative += projection.entry(r, r % CONFIG.dims()) < 0 ? 1 : 0;
        }
        final int sampled = (CONFIG.buckets() + 96) / 97;
        assertTrue(Math.abs(negative - sampled / 2.0) < 4 * Math.sqrt(sampled / 4.0), negative + " of " + sampled + " entries negative");
    }
}
