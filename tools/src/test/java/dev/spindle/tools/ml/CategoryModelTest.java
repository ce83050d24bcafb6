package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryModelTest
{
    private static final EmbeddingConfig CONFIG = EmbeddingConfig.DEFAULT.withSize(4, 64);

    @TempDir
    Path dir;

    @Test
    void topKRanksByCosineAndSurvivesASaveAndLoad() throws IOException
    {
        final CentroidTrainer trainer = new CentroidTrainer(CONFIG);
        trainer.add("x", new float[] {1, 0, 0, 0});
        trainer.add("x", new float[] {0.8f, 0.6f, 0, 0});
        trainer.add("y", new float[] {0, 1, 0, 0});
        trainer.add("z", new float[] {0, 0, 0, 1});
        final Path file = dir.resolve("m.bin");
        trainer.build().save(file);
        final CategoryModel model = CategoryModel.load(file);

        assertEquals(CONFIG, model.config());
        assertEquals("x", model.majorityCategory());
        assertEquals(2, model.trainingFiles(0));
        final List<Category> top = model.topK(new float[] {0, 0.6f, 0, 0.8f}, 3);
        assertEquals(List.of("z", "y", "x"), top.stream().map(Category::name).toList());
        assertEquals(0.8, top.get(0).score(), 1e-6);
        assertTrue(top.get(1).score() > top.get(2).score());
        assertEquals(3, model.topK(new float[4], 10).size(), "k is capped at the number of categories");
    }

    @Test
    void aNewerFormatVersionIsRefusedByName() throws IOException
    {
        final CentroidTrainer trainer = new CentroidTrainer(CONFIG);
        trainer.add("a", new float[] {1, 0, 0, 0});
        final Path file = dir.resolve("m.bin");
        trainer.build().save(file);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[CategoryModel.MAGIC.length + 3] = 9;
        Files.write(file, bytes);
        final IOException e = assertThrows(CategoryModel.ModelException.class, () -> CategoryModel.load(file));
        assertTrue(e.getMessage().contains("model format version 9, this spindle reads version 1"), e.getMessage());
    }
}
