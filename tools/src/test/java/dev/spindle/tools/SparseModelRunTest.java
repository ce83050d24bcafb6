package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sparse classifier end to end through the CLI: train prints one summary with no ml counts of
 * its own; a re-run takes each file's categories from the cache (exactly the first run's), and a run
 * that asks for more categories than were cached reads the files again.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparseModelRunTest
{
    @TempDir
    Path base;

    @Test
    void aReRunTakesTheModelsCategoriesFromTheCacheAndMoreOfThemReadTheFilesAgain() throws IOException
    {
        final Path train = TextCorpus.write(base.resolve("train"), 20, 1);
        final Path test = TextCorpus.write(base.resolve("test"), 10, 2);
        final Path model = base.resolve("model.bin");
        final Path cache = base.resolve("cache");
        final CliRun trained = CliRun.of("train", "--labels", train.toString(), "--model", model.toString(), "--cache", cache.toString());
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.out() + trained.err());
        assertTrue(trained.out().contains("3 categories, sparse classifier, term weights from 60 files"), trained.out());
        assertEquals(1, trained.out().lines().filter(line -> line.startsWith("spindle train " + train)).count(), "one summary: " + trained.out());
        assertFalse(trained.out().contains("(term weights)") || trained.out().contains("  ml "), "no pass of its own, no ml counts: " + trained.out());
        assertTrue(trained.err().contains("sparse classifier fitted in"), trained.err());

        final CliRun first = CliRun.of("run", test.toString(), "--model", model.toString(), "--top-k", "2", "--out", base.resolve("o1").toString(),
            "--cache", cache.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        final CliRun again = CliRun.of("run", test.toString(), "--model", model.toString(), "--top-k", "2", "--out", base.resolve("o2").toString(),
            "--cache", cache.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("  ml         0 analysed and embedded now, 0 same content in a batch, 0 content cached, 30 unchanged files"),
            "every file's categories came from the cache: " + again.out());

        final Map<String, Object> before = categoriesByPath(base.resolve("o1"));
        assertEquals(30, before.size());
        assertEquals(before, categoriesByPath(base.resolve("o2")), "the cached run scores each file as the first did");
        long correct = 0;
        for (final Map.Entry<String, Object> entry : before.entrySet())
        {
            final String truth = Path.of(entry.getKey()).getParent().getFileName().toString();
            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> top = (List<Map<String, Object>>) entry.getValue();
            correct += truth.equals(top.get(0).get("name")) ? 1 : 0;
        }
        assertTrue(correct >= 27, correct + " of 30");

        final CliRun more = CliRun.of("run", test.toString(), "--model", model.toString(), "--top-k", "3", "--out", base.resolve("o3").toString(),
            "--cache", cache.toString());
        assertEquals(ExitCodes.OK, more.exitCode(), more.err());
        assertTrue(more.out().contains("0 analysed and embedded now, 0 same content in a batch, 30 content cached"),
            "two cached categories do not answer --top-k 3: the files are read again, their embeddings still cached: " + more.out());
        for (final Object top : categoriesByPath(base.resolve("o3")).values())
        {
            assertEquals(3, ((List<?>) top).size());
        }
    }

    private static Map<String, Object> categoriesByPath(final Path out) throws IOException
    {
        final Map<String, Object> byPath = new TreeMap<>();
        for (final Map<String, Object> line : MlRunCommandTest.index(out))
        {
            byPath.put((String) line.get("path"), line.get("categories"));
        }
        return byPath;
    }
}
