package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ML processor end to end through the real CLI: --out files a reader can load, the cache's fast
 * path and content dedup across runs, train / evaluate / --model on a corpus the test makes, and
 * every bad model or option as one line and exit 2.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MlRunCommandTest
{
    static final int DIMS = 256;

    @TempDir
    Path base;

    @Test
    void outWritesOneIndexLinePerFileAndOneUnitRowPerTextFile() throws IOException
    {
        final Path tree = mixedTree(base.resolve("tree"));
        final Path out = base.resolve("out");
        final Path json = base.resolve("report.json");

        final CliRun cli = CliRun.of("run", tree.toString(), "--out", out.toString(), "--cache", base.resolve("cache").toString(),
            "--workers", "2", "--json", json.toString());

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final List<Map<String, Object>> index = index(out);
        assertEquals(24, index.size(), "a line per file");
        final float[][] matrix = readNpy(out.resolve(ResultsOutput.MATRIX));
        final Set<Long> rows = new HashSet<>();
        final Map<String, float[]> byName = new HashMap<>();
        for (final Map<String, Object> line : index)
        {
            assertEquals("succeeded", line.get("status"), line.toString());
            final String name = Path.of((String) line.get("path")).getFileName().toString();
            final String kind = (String) line.get("kind");
            if (name.startsWith("text") || name.startsWith("copy"))
            {
                assertEquals("text", kind, name);
                final long row = ((Number) line.get("row")).longValue();
                assertTrue(rows.add(row), "rows are distinct");
                assertEquals(1.0, norm(matrix[(int) row]), 1e-4, name + " is L2-normalised");
                byName.put(name, matrix[(int) row]);
            }
            else
            {
                assertEquals(null, line.get("row"), name);
                assertEquals(name.equals("empty") ? "empty" : "binary", kind, name);
            }
            assertEquals(List.of(), line.get("categories"), "no model, no categories");
        }
        assertEquals(21, matrix.length, "20 distinct texts + 1 copy have rows");
        assertArrayEquals(byName.get("text-3.txt"), byName.get("copy-of-3.txt"), "identical content, identical vector");

        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        for (final String key : List.of("dir", "files_seen", "submitted", "succeeded", "failed", "rejected", "timed_out", "workers", "wall_ms",
            "items_per_second", "utilization", "batches", "mean_batch_items", "e2e_us", "failures"))
        {
            assertTrue(report.containsKey(key), "the JSON summary keeps " + key);
        }
        assertEquals("ml", report.get("processor"));
        final Map<String, Object> ml = map(report.get("ml"));
        assertEquals(24L, count(ml, "computed") + count(ml, "duplicates") + count(ml, "cached_content") + count(ml, "fast_path"));
        // Two workers may run the copy and its original in two batches at once, each before the other reaches the
        // cache: then both are embedded. One worker never does (see theCopyIsNotEmbeddedAgainWhenBatchesRunInTurn).
        assertTrue(count(ml, "duplicates") + count(ml, "cached_content") <= 1, "the copy is embedded at most twice");
        assertEquals(21L, count(ml, "rows"));
        NumpyCheck.loadsAs(out.resolve(ResultsOutput.MATRIX), 21, DIMS);
    }

    @Test
    void theCopyIsNotEmbeddedAgainWhenBatchesRunInTurn() throws IOException
    {
        final Path tree = mixedTree(base.resolve("tree-1"));
        final Path json = base.resolve("report-1.json");
        final CliRun cli = CliRun.of("run", tree.toString(), "--cache", base.resolve("cache-1").toString(), "--workers", "1",
            "--json", json.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final Map<String, Object> ml = map(MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("ml"));
        assertEquals(1L, count(ml, "duplicates") + count(ml, "cached_content"), "the copy shares its original's batch or finds it cached");
    }

    @Test
    void aRerunOnAnUnchangedTreeReadsNoFileAndAChangedFileIsRecomputed() throws IOException
    {
        final Path tree = mixedTree(base.resolve("tree"));
        final String cache = base.resolve("cache").toString();
        final Path json = base.resolve("report.json");
        assertEquals(ExitCodes.OK, CliRun.of("run", tree.toString(), "--cache", cache).exitCode());

        final java.util.concurrent.atomic.LongAdder markedCached = new java.util.concurrent.atomic.LongAdder();
        final RunCommand observed = new RunCommand();
        observed.observer = (item, outcome, result, reason) ->
        {
            if (item.hasFlag(FileItem.HAS_EMBEDDING))
            {
                markedCached.increment();
            }
        };
        final CliRun again = CliRun.with(observed, "run", tree.toString(), "--cache", cache, "--json", json.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertEquals(24, markedCached.sum(), "the walker marks cached files so the scorer charges them little");
        Map<String, Object> ml = map(MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("ml"));
        assertEquals(24L, count(ml, "fast_path"), ml.toString());
        assertEquals(0L, count(ml, "computed"));

        final Path changed = tree.resolve("text-0.txt");
        Files.writeString(changed, "entirely new words here\n");
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5_000));
        Files.writeString(tree.resolve("late-copy.txt"), Files.readString(tree.resolve("text-5.txt")));
        final CliRun third = CliRun.of("run", tree.toString(), "--cache", cache, "--json", json.toString());
        assertEquals(ExitCodes.OK, third.exitCode(), third.err());
        ml = map(MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("ml"));
        assertEquals(1L, count(ml, "computed"), "only the changed file: " + ml);
        assertEquals(1L, count(ml, "cached_content"), "the new file's content was known: " + ml);
        assertEquals(23L, count(ml, "fast_path"), ml.toString());
    }

    @Test
    void aFileWhoseResultLeftTheCacheIsRecomputedNotClaimedUnchanged() throws IOException
    {
        final Path tree = mixedTree(base.resolve("tree"));
        final Path cache = base.resolve("cache");
        final Path json = base.resolve("report.json");
        assertEquals(ExitCodes.OK, CliRun.of("run", tree.toString(), "--cache", cache.toString()).exitCode());
        dev.spindle.tools.ml.cache.CacheSurgery.dropResultsKeepingPaths(cache);

        // no --out and no model: the run reads no results, yet a path entry alone does not make a file unchanged
        final CliRun again = CliRun.of("run", tree.toString(), "--cache", cache.toString(), "--json", json.toString(), "--workers", "1");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        final Map<String, Object> ml = map(MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("ml"));
        assertEquals(23L, count(ml, "computed"), "every distinct content again: " + ml);
        // the copy of text-3 is found by hash after its original's result is stored again, whichever way it is reached
        assertEquals(1L, count(ml, "fast_path") + count(ml, "duplicates") + count(ml, "cached_content"), ml.toString());

        final CliRun third = CliRun.of("run", tree.toString(), "--cache", cache.toString(), "--json", json.toString());
        assertEquals(ExitCodes.OK, third.exitCode(), third.err());
        assertEquals(24L, count(map(MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("ml")), "fast_path"), "held again");
    }

    @Test
    void noCacheStillEmbedsIdenticalContentOncePerRun() throws IOException
    {
        final Path tree = Files.createDirectories(base.resolve("tree"));
        for (int i = 0; i < 50; i++)
        {
            Files.writeString(tree.resolve(i + ".txt"), "the same words in every file\n");
        }
        final Path json = base.resolve("report.json");
        final CliRun cli = CliRun.of("run", tree.toString(), "--no-cache", "--workers", "1", "--json", json.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.err());
        final Map<String, Object> ml = map(MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("ml"));
        assertEquals(1L, count(ml, "computed"), ml.toString());
        assertEquals(49L, count(ml, "duplicates") + count(ml, "cached_content"), ml.toString());
        assertTrue(cli.out().contains("cache      off (--no-cache)"), cli.out());
    }

    @Test
    void trainThenEvaluateBeatsTheMajorityBaselineAndRunAssignsCategories() throws IOException
    {
        final Path train = TextCorpus.write(base.resolve("train"), 20, 1);
        final Path test = TextCorpus.write(base.resolve("test"), 10, 2);
        final Path model = base.resolve("model.bin");

        final CliRun trained = CliRun.of("train", "--labels", train.toString(), "--model", model.toString(), "--no-cache");
        assertEquals(ExitCodes.OK, trained.exitCode(), trained.out() + trained.err());
        assertTrue(trained.out().contains("3 categories"), trained.out());

        final CliRun evaluated = CliRun.of("evaluate", "--model", model.toString(), "--labels", test.toString(), "--no-cache");
        assertEquals(ExitCodes.OK, evaluated.exitCode(), evaluated.out() + evaluated.err());
        final double accuracy = figure(evaluated.out(), "top-1 accuracy");
        final double baseline = figure(evaluated.out(), "majority baseline");
        assertEquals(1.0 / 3, baseline, 1e-4, evaluated.out());
        assertTrue(accuracy >= 0.9, evaluated.out());

        final Path out = base.resolve("out");
        final CliRun run = CliRun.of("run", test.toString(), "--model", model.toString(), "--top-k", "2", "--out", out.toString(), "--no-cache");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err(), "with a model nothing is said about categories");
        int correct = 0;
        final List<Map<String, Object>> index = index(out);
        for (final Map<String, Object> line : index)
        {
            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> categories = (List<Map<String, Object>>) line.get("categories");
            assertEquals(2, categories.size(), line.toString());
            final double first = ((Number) categories.get(0).get("score")).doubleValue();
            final double second = ((Number) categories.get(1).get("score")).doubleValue();
            assertTrue(first >= second && first <= 1.0 + 1e-6, line.toString());
            final String truth = Path.of((String) line.get("path")).getParent().getFileName().toString();
            correct += truth.equals(categories.get(0).get("name")) ? 1 : 0;
        }
        assertEquals(30, index.size());
        assertTrue(correct >= 27, correct + " of 30");
    }

    @Test
    void badModelsAndMisusedOptionsAreOneLineUsageErrors() throws IOException
    {
        final Path tree = mixedTree(base.resolve("tree"));
        final Path garbage = Files.write(base.resolve("garbage.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        final Path model = base.resolve("model.bin");
        assertEquals(ExitCodes.OK, CliRun.of("train", "--labels", TextCorpus.write(base.resolve("train"), 3, 1).toString(),
            "--model", model.toString(), "--no-cache").exitCode());
        final byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x55;
        final Path flipped = Files.write(base.resolve("flipped.bin"), bytes);
        final Path truncated = Files.write(base.resolve("truncated.bin"), java.util.Arrays.copyOf(Files.readAllBytes(model), 40));

        final Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("--model", garbage.toString()), "not a Spindle model");
        cases.put(List.of("--model", flipped.toString()), "corrupt (checksum mismatch)");
        cases.put(List.of("--model", truncated.toString()), "truncated");
        cases.put(List.of("--model", base.resolve("none.bin").toString()), "--model: no such file");
        cases.put(List.of("--processor", "gpu"), "--processor must be ml or stat, was 'gpu'");
        cases.put(List.of("--processor", "stat", "--out", base.resolve("o").toString()), "belong to the ml processor");
        cases.put(List.of("--cache", base.toString(), "--no-cache"), "contradict");
        cases.put(List.of("--top-k", "0"), "--top-k must be between 1 and 100");
        cases.put(List.of("--out", garbage.toString()), "--out names a file");
        for (final Map.Entry<List<String>, String> entry : cases.entrySet())
        {
            final List<String> args = new ArrayList<>(List.of("run", tree.toString()));
            args.addAll(entry.getKey());
            final CliRun cli = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, cli.exitCode(), entry.getKey() + ": " + cli.err());
            assertTrue(cli.err().startsWith("spindle run: ") && cli.err().contains(entry.getValue()), entry.getKey() + ": " + cli.err());
            assertEquals(1, cli.err().lines().count(), cli.err());
        }
        final CliRun oneCategory = CliRun.of("train", "--labels", tree.toString(), "--model", base.resolve("m2").toString(), "--no-cache");
        assertEquals(ExitCodes.INCOMPLETE, oneCategory.exitCode(), oneCategory.err());
        assertTrue(oneCategory.err().contains("a model needs at least 2"), oneCategory.err());
    }

    @Test
    void aCorruptCacheFileIsReportedAndRebuiltAndTheRunSucceeds() throws IOException
    {
        final Path tree = mixedTree(base.resolve("tree"));
        final Path cache = Files.createDirectories(base.resolve("cache"));
        final byte[] noise = new byte[64 * 1024];
        new SplittableRandom(7).nextBytes(noise);
        Files.write(cache.resolve("results.mv.db"), noise);

        final CliRun cli = CliRun.of("run", tree.toString(), "--cache", cache.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        assertTrue(cli.err().contains("unreadable") && cli.err().contains("rebuilt"), cli.err());
        final CliRun again = CliRun.of("run", tree.toString(), "--cache", cache.toString());
        assertEquals(ExitCodes.OK, again.exitCode());
        assertTrue(again.out().contains("24 unchanged files"), again.out());
    }

    /** 20 distinct texts, a copy of one, an empty file, a binary one and a text in a subfolder. */
    static Path mixedTree(final Path dir) throws IOException
    {
        Files.createDirectories(dir.resolve("sub"));
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20; i++)
        {
            Files.writeString((i == 19 ? dir.resolve("sub") : dir).resolve("text-" + i + ".txt"), TextCorpus.document(i % 3, random));
        }
        Files.writeString(dir.resolve("copy-of-3.txt"), Files.readString(dir.resolve("text-3.txt")));
        Files.createFile(dir.resolve("empty"));
        Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0});
        Files.write(dir.resolve("zeros.bin"), new byte[4096]);
        return dir;
    }

    static List<Map<String, Object>> index(final Path out) throws IOException
    {
        final List<Map<String, Object>> lines = new ArrayList<>();
        for (final String line : Files.readAllLines(out.resolve(ResultsOutput.INDEX), StandardCharsets.UTF_8))
        {
            lines.add(MiniJson.object(line));
        }
        return lines;
    }

    /** Reads a 2-D little-endian float32 .npy as numpy would, checking the header on the way. */
    static float[][] readNpy(final Path file) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((byte) 0x93, bytes.get(0));
        assertEquals("NUMPY", new String(bytes.array(), 1, 5, StandardCharsets.US_ASCII));
        final int headerLength = Short.toUnsignedInt(bytes.getShort(8));
        final String header = new String(bytes.array(), 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + headerLength) % 64, "numpy aligns the data to 64 bytes");
        final Matcher shape = Pattern.compile("'descr': '<f4', 'fortran_order': False, 'shape': \\((\\d+), (\\d+)\\)").matcher(header);
        assertTrue(shape.find(), header);
        final int rows = Integer.parseInt(shape.group(1));
        final int cols = Integer.parseInt(shape.group(2));
        assertEquals(10 + headerLength + (long) rows * cols * 4, bytes.capacity(), "data size matches the shape");
        final float[][] matrix = new float[rows][cols];
        bytes.position(10 + headerLength);
        for (final float[] row : matrix)
        {
            bytes.asFloatBuffer().get(row);
            bytes.position(bytes.position() + cols * 4);
        }
        return matrix;
    }

    private static double norm(final float[] v)
    {
        double sum = 0;
        for (final float x : v)
        {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double figure(final String out, final String label)
    {
        final Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return (Map<String, Object>) value;
    }

    private static long count(final Map<String, Object> map, final String key)
    {
        return ((Number) map.get(key)).longValue();
    }
}
