package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sparse classifier: learns from packed rows, scores as a run scores, is deterministic and survives the model file. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SparseLogisticTrainerTest
{
    private static final EmbeddingConfig CONFIG = EmbeddingConfig.DEFAULT.withSize(4, 256);

    @TempDir
    Path dir;

    /** 300 files in 3 classes: class c draws most buckets from [c * 40, c * 40 + 40), the rest from shared [200, 256). */
    private static LabelledFeatures corpus()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final LabelledFeatures rows = new LabelledFeatures();
        final String[] names = {"a", "b", "c"};
        for (int i = 0; i < 300; i++)
        {
            final int c = i % 3;
            final float[] counts = new float[256];
            for (int t = 0; t < 30; t++)
            {
                final int b = random.nextInt(3) == 0 ? 200 + random.nextInt(56) : c * 40 + random.nextInt(40);
                counts[b] += (b & 1) == 0 ? 1 : -1; // a bucket's sign is fixed, as the hash fixes it
            }
            final SparseFeatures raw = new SparseFeatures(CONFIG);
            for (int b = 0; b < 256; b++)
            {
                if (counts[b] != 0)
                {
                    raw.add(b, Math.signum(counts[b]) * (float) Math.log1p(Math.abs(counts[b])));
                }
            }
            rows.add(names[c], String.format("%s/%03d", names[c], i), raw);
        }
        return rows;
    }

    @Test
    void learnsSeparableRowsGivesProbabilitiesAndSurvivesTheModelFile() throws IOException
    {
        final LabelledFeatures features = corpus();
        final TermWeights weights = features.idf(CONFIG.buckets());
        final LabelledRows<int[]> rows = features.rows();
        final SparseLinearClassifier fitted = SparseLogisticTrainer.train(rows.x(), rows.y(), 3, CONFIG.buckets(), weights, 128, 7, (e, l, a) -> { });
        final SparseLinearClassifier again = SparseLogisticTrainer.train(rows.x(), rows.y(), 3, CONFIG.buckets(), weights, 128, 7, (e, l, a) -> { });
        assertArrayEquals(fitted.weights(), again.weights(), "same rows and seed, same model");
        assertEquals(128, fitted.columns().length, "the chi-square columns asked for");
        for (final int column : fitted.columns())
        {
            assertTrue(column < 120 || column >= 200, "a bucket no class draws from scores 0: " + column);
        }

        final Path file = dir.resolve("s.bin");
        new CategoryModel(CONFIG, weights, rows.names(), rows.counts(), fitted).save(file);
        final CategoryModel model = CategoryModel.load(file);
        assertEquals("sparse", model.classifier().kind());
        assertTrue(model.classifier().readsFeatures());
        final SparseFeatures weighted = new SparseFeatures(CONFIG);
        int correct = 0;
        for (int i = 0; i < rows.y().length; i++)
        {
            LabelledFeatures.unpack(rows.x()[i], weights, weighted);
            final var top = model.topK(null, weighted, 3);
            assertEquals(1.0, top.stream().mapToDouble(Category::score).sum(), 1e-9, "softmax scores sum to 1");
            correct += top.get(0).name().equals(rows.names()[rows.y()[i]]) ? 1 : 0;
        }
        assertTrue(correct >= 290, correct + " of 300");
    }

    @Test
    void packingKeepsTheFeaturizersValuesExactlyBelowTheClamp()
    {
        final SparseFeatures raw = new SparseFeatures(CONFIG);
        raw.add(3, (float) Math.log1p(1));
        raw.add(17, -(float) Math.log1p(5));
        raw.add(255, (float) Math.log1p(1000));
        final LabelledFeatures features = new LabelledFeatures();
        features.add("x", "k", raw);
        final SparseFeatures back = new SparseFeatures(CONFIG);
        LabelledFeatures.unpack(features.rows().x()[0], null, back);
        assertEquals(3, back.size());
        assertEquals(raw.value(0), back.value(0));
        assertEquals(raw.value(1), back.value(1));
        assertEquals((float) Math.log1p(LabelledFeatures.MAX_COUNT), back.value(2), "counts clamp at 127");
        assertEquals(255, back.bucket(2));
    }
}
