package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.spindle.tools.ml.EmbeddingConfig;
import dev.spindle.tools.ml.MlComplexityScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the seed's complexity and priority formulas exactly (ported from the engine's ScoringTest), and the file features. */
class SeedScoringTest
{
    @ParameterizedTest(name = "size={0} content={1} categories={2} embedding={3} analyzed={4} -> {5}")
    @CsvSource({
        // size bytes, content length, categories, has embedding, analyzed, expected complexity
        "0,          0,     0, true,  true,  0",
        "0,          0,     0, false, true,  15",
        "0,          0,     0, true,  false, 10",
        "0,          0,     0, false, false, 25",
        "102400,     0,     0, true,  true,  1",
        "51200,      0,     0, true,  true,  0.5",
        "2048000,    0,     0, true,  true,  20",
        "104857600,  0,     0, true,  true,  20",
        "0,          1000,  0, true,  true,  1",
        "0,          2500,  0, true,  true,  2.5",
        "0,          0,     3, true,  true,  6",
        "204800,     1500,  2, false, false, 2 + 1.5 + 4 + 15 + 10",
        "10485760,   50000, 4, false, true,  20 + 50 + 8 + 15",
    })
    void costFollowsTheSeedFormula(final long size, final long content, final int categories, final boolean embedding,
        final boolean analyzed, final String expected)
    {
        final FileItem item = new FileItem().sizeBytes(size).contentLength(content).categories(categoryList(categories))
            .flag(FileItem.HAS_EMBEDDING, embedding).flag(FileItem.ANALYZED, analyzed);
        assertEquals(evaluate(expected), SeedCost.INSTANCE.cost(item), 1e-12);
    }

    @ParameterizedTest(name = "user={0} recent={1} urgent={2} size={3} -> {4}")
    @CsvSource({
        "false, false, false, 20480, 50",
        "false, false, false, 10240, 50",
        "false, false, false, 10239, 60",
        "true,  false, false, 20480, 80",
        "false, true,  false, 20480, 70",
        "false, false, true,  20480, 75",
        "true,  true,  false, 20480, 100",
        "true,  false, true,  20480, 100",
        "false, true,  true,  0,     100",
        "true,  true,  true,  0,     100",
        "false, true,  false, 0,     80",
    })
    void priorityFollowsTheSeedRules(final boolean user, final boolean recent, final boolean urgent, final long size, final int expected)
    {
        final FileItem item = new FileItem().sizeBytes(size).flag(FileItem.USER_REQUESTED, user).flag(FileItem.RECENTLY_ACCESSED, recent)
            .categories(urgent ? List.of("docs", "urgent") : List.of("docs"));
        assertEquals(expected, SeedPriority.INSTANCE.priority(item));
    }

    @Test
    void theFileCostFunctionsNameTheFeaturesTheTunerLearns()
    {
        final MlComplexityScorer ml = new MlComplexityScorer(EmbeddingConfig.DEFAULT);
        assertEquals(List.of("MiB", "missing embeddings"), ml.featureNames());
        assertEquals(ml.featureNames(), SeedCost.INSTANCE.featureNames());
        final double[] features = new double[2];
        ml.features(new FileItem().sizeBytes(3L << 20), features);
        assertArrayEquals(new double[] {3, 1}, features, 1e-12, "3 MiB, no embedding yet");
        SeedCost.INSTANCE.features(new FileItem().sizeBytes(1L << 19).flag(FileItem.HAS_EMBEDDING, true), features);
        assertArrayEquals(new double[] {0.5, 0}, features, 1e-12, "half a MiB, cached");
        assertEquals(List.of(), new FileSizeCost().featureNames(), "the stat cost is the size already");
    }

    private static List<String> categoryList(final int n)
    {
        final String[] names = new String[n];
        for (int i = 0; i < n; i++)
        {
            names[i] = "c" + i;
        }
        return List.of(names);
    }

    private static double evaluate(final String sum)
    {
        double total = 0;
        for (final String term : sum.split("\\+"))
        {
            total += Double.parseDouble(term.trim());
        }
        return total;
    }
}
