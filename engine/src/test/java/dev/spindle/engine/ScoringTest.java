package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the seed's complexity and priority formulas exactly. */
class ScoringTest
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
    void complexityFollowsTheSeedFormula(final long size, final long content, final int categories, final boolean embedding,
        final boolean analyzed, final String expected)
    {
        final WorkItem item = new WorkItem().sizeBytes(size).contentLength(content).categories(categoryList(categories))
            .flag(Item.HAS_EMBEDDING, embedding).flag(Item.ANALYZED, analyzed);
        assertEquals(evaluate(expected), SeedComplexityScorer.INSTANCE.complexity(item), 1e-12);
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
        final WorkItem item = new WorkItem().sizeBytes(size).flag(Item.USER_REQUESTED, user).flag(Item.RECENTLY_ACCESSED, recent)
            .categories(urgent ? List.of("docs", "urgent") : List.of("docs"));
        assertEquals(expected, SeedPriorityScorer.INSTANCE.priority(item));
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
