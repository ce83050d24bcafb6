package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryModelTest
{
    private static final EmbeddingConfig CONFIG = EmbeddingConfig.DEFAULT.withSize(4, 64);
    private static final float[][] X = {{1, 0, 0, 0}, {0.8f, 0.6f, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}};
    private static final int[] Y = {0, 0, 1, 2};
    private static final String[] NAMES = {"x", "y", "z"};

    @TempDir
    Path dir;

    private static CategoryModel centroids(final TermWeights weights)
    {
        return new CategoryModel(CONFIG, weights, NAMES, new long[] {2, 1, 1}, CentroidClassifier.train(X, Y, 3, 4));
    }

    @Test
    void centroidTopKRanksByCosineAndSurvivesASaveAndLoad() throws IOException
    {
        final Path file = dir.resolve("m.bin");
        centroids(null).save(file);
        final CategoryModel model = CategoryModel.load(file);

        assertEquals(CONFIG, model.config());
        assertNull(model.weights());
        assertEquals("centroid", model.classifier().kind());
        assertEquals("x", model.majorityCategory());
        assertEquals(2, model.trainingFiles(0));
        final List<Category> top = model.topK(new float[] {0, 0.6f, 0, 0.8f}, 3);
        assertEquals(List.of("z", "y", "x"), top.stream().map(Category::name).toList());
        assertEquals(0.8, top.get(0).score(), 1e-6);
        assertTrue(top.get(1).score() > top.get(2).score());
        assertEquals(3, model.topK(new float[4], 10).size(), "k is capped at the number of categories");
    }

    @Test
    void termWeightsTravelWithTheModelAndChangeItsEmbeddingConfig() throws IOException
    {
        final int[] df = new int[64];
        df[5] = 9;
        final TermWeights weights = TermWeights.idf(df, 9);
        final Path file = dir.resolve("w.bin");
        centroids(weights).save(file);
        final CategoryModel model = CategoryModel.load(file);

        assertEquals(1.0f, model.weights().weight(5), 1e-6f, "a bucket in every document keeps weight 1");
        assertEquals((float) (Math.log(10) + 1), model.weights().weight(6), 1e-6f);
        assertEquals(weights.digest(), model.config().weighting());
        assertNotEquals(CONFIG.fingerprint(), model.config().fingerprint(), "weighted embeddings must not share a cache with unweighted ones");
    }

    @Test
    void aLinearModelGivesProbabilitiesAndSurvivesASaveAndLoad() throws IOException
    {
        final float[][] weights = {{2, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 0, 2}};
        final CategoryModel built = new CategoryModel(CONFIG, null, NAMES, new long[] {2, 1, 1}, new LinearClassifier(weights, new float[] {0, 0.5f, 0}));
        final Path file = dir.resolve("l.bin");
        built.save(file);
        final CategoryModel model = CategoryModel.load(file);

        assertEquals("linear", model.classifier().kind());
        final List<Category> top = model.topK(new float[] {0, 0.6f, 0, 0.8f}, 3);
        assertEquals(List.of("y", "z", "x"), top.stream().map(Category::name).toList(), "logits 1.7, 1.6, 0");
        assertEquals(1.0, top.stream().mapToDouble(Category::score).sum(), 1e-9, "softmax scores sum to 1");
        final double[] expected = {0, 1.2 + 0.5, 1.6};
        final double norm = Math.exp(expected[0]) + Math.exp(expected[1]) + Math.exp(expected[2]);
        assertEquals(Math.exp(1.7) / norm, top.get(0).score(), 1e-6);
        assertArrayEquals(new double[] {model.topK(new float[] {0, 0.6f, 0, 0.8f}, 1).get(0).score()}, new double[] {top.get(0).score()}, 1e-12);
    }

    @Test
    void olderModelVersionsAreRefusedWithOneLineSayingToRetrain() throws IOException
    {
        for (final byte version : new byte[] {1, 2})
        {
            final Path file = dir.resolve("m" + version + ".bin");
            centroids(null).save(file);
            final byte[] bytes = Files.readAllBytes(file);
            bytes[ModelFile.MAGIC.length + 3] = version;
            final CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - Long.BYTES);
            ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).putLong(crc.getValue());
            Files.write(file, bytes);
            final IOException e = assertThrows(CategoryModel.ModelException.class, () -> CategoryModel.load(file));
            assertTrue(e.getMessage().contains("model format version " + version
                + ", this spindle reads version 3 (made by an older spindle: retrain it with 'spindle train')"), e.getMessage());
            assertEquals(-1, e.getMessage().indexOf('\n'));
        }
    }

    @Test
    void aModelOfAnotherEmbeddingFormatIsRefused() throws IOException
    {
        final Path file = dir.resolve("m.bin");
        centroids(null).save(file);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[ModelFile.MAGIC.length + 7] = (byte) (EmbeddingConfig.FORMAT_VERSION + 1);
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).putLong(crc.getValue());
        Files.write(file, bytes);
        final IOException e = assertThrows(CategoryModel.ModelException.class, () -> CategoryModel.load(file));
        assertTrue(e.getMessage().contains("trained on embedding format " + (EmbeddingConfig.FORMAT_VERSION + 1)), e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRefusedByName() throws IOException
    {
        final Path file = dir.resolve("m.bin");
        centroids(null).save(file);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[ModelFile.MAGIC.length + 3] = 9;
        Files.write(file, bytes);
        final IOException e = assertThrows(CategoryModel.ModelException.class, () -> CategoryModel.load(file));
        assertTrue(e.getMessage().contains("model format version 9, this spindle reads version 3"), e.getMessage());
    }
}
