package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.spindle.tools.ml.EmbeddingConfig;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes racing for one output (the first held still mid-run by a gate file until the second
 * has been answered): the second is refused with one line and exit 2 before it
 * writes anything, and the first one's outputs come out whole (every index line parses, every row is
 * its own). Also two simultaneous starts on one {@code --journal}: one runs, the other gets exit 2.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExclusiveOutputsTest
{
    private static final int FILES = 200;

    @TempDir
    Path base;

    @Test
    void aSecondRunIntoTheSameOutIsRefusedAndTheFirstOneStaysWhole() throws Exception
    {
        final Path tree = tree();
        final Path out = base.resolve("out");
        final Path gate = base.resolve("gate");
        final ChildCli first = ChildCli.gated(base.resolve("logs"), "first", gate,
            List.of("run", tree.toString(), "--no-cache", "--workers", "2", "--out", out.toString()));
        first.awaitOutcomes(SlowRunMain.GATE_AFTER);

        final ChildCli second = ChildCli.start(base.resolve("logs"), "second",
            List.of("run", tree.toString(), "--no-cache", "--workers", "2", "--out", out.toString()));
        assertEquals(ExitCodes.USAGE, second.exitCode(), second.err());
        assertOneLine(second.err(), "--out " + out + " is being written by another spindle process");
        assertEquals("", second.out());

        Files.createFile(gate);
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        final List<String> lines = Files.readAllLines(out.resolve(ResultsOutput.INDEX), StandardCharsets.UTF_8);
        assertEquals(FILES, lines.size());
        final Set<String> paths = new HashSet<>();
        final Set<Double> rows = new HashSet<>();
        for (final String line : lines)
        {
            final Map<String, Object> entry = MiniJson.object(line);
            assertTrue(paths.add((String)entry.get("path")), line);
            assertTrue(rows.add((Double)entry.get("row")), () -> "a row shared by two files: " + line);
        }
        assertEquals(FILES, rows.size(), "every file is distinct text, embedded once");
        for (final Double row : rows)
        {
            assertTrue(row >= 0 && row < FILES, "row " + row);
        }
        assertEquals(128 + FILES * (long)EmbeddingConfig.DEFAULT.dims() * Float.BYTES, Files.size(out.resolve(ResultsOutput.MATRIX)),
            "one embedding row per text file");

        final ChildCli after = ChildCli.start(base.resolve("logs"), "after",
            List.of("run", tree.toString(), "--no-cache", "--workers", "2", "--out", out.toString()));
        assertEquals(ExitCodes.OK, after.exitCode(), "the lock went with the first run: " + after.err());
    }

    @Test
    void aSecondRunWritingTheSameJsonIsRefused() throws Exception
    {
        final Path tree = tree();
        final Path json = base.resolve("report.json");
        final Path gate = base.resolve("gate");
        final ChildCli first = ChildCli.gated(base.resolve("logs"), "first", gate,
            List.of("run", tree.toString(), "--processor", "stat", "--workers", "2", "--json", json.toString()));
        first.awaitOutcomes(SlowRunMain.GATE_AFTER);

        final ChildCli second = ChildCli.start(base.resolve("logs"), "second",
            List.of("run", tree.toString(), "--processor", "stat", "--json", json.toString()));
        assertEquals(ExitCodes.USAGE, second.exitCode(), second.err());
        assertOneLine(second.err(), "--json " + json + " is being written by another spindle process");

        Files.createFile(gate);
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertEquals((double)FILES, MiniJson.object(Files.readString(json, StandardCharsets.UTF_8)).get("files_seen"));
    }

    @RepeatedTest(3)
    void twoSimultaneousStartsOnOneJournalGiveOneRunAndOneExit2() throws Exception
    {
        final Path tree = tree();
        final Path journal = base.resolve("journal");
        final List<ChildCli> racers = new ArrayList<>();
        for (final String name : new String[] {"a", "b"})
        {
            racers.add(ChildCli.start(base.resolve("logs"), name,
                List.of("run", tree.toString(), "--processor", "stat", "--workers", "1", "--journal", journal.toString())));
        }
        final List<Integer> codes = new ArrayList<>();
        for (final ChildCli racer : racers)
        {
            codes.add(racer.exitCode());
        }
        codes.sort(null);
        final String errors = errors(racers);
        assertEquals(List.of(ExitCodes.OK, ExitCodes.USAGE), codes, () -> "stderr: " + errors);
        final ChildCli loser = racers.get(racers.get(0).process.exitValue() == ExitCodes.USAGE ? 0 : 1);
        final String line = loser.err();
        assertTrue(line.startsWith("spindle run: ") && line.contains(journal.toString()), line);
        assertFalse(line.contains("Exception") || line.contains("error:"), line);
        assertEquals(1, line.lines().count(), line);
        final CliRun verify = CliRun.of("journal", "verify", journal.toString(), "--require-complete");
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains(": 1 run\n") && verify.out().contains("submitted     " + FILES + " items"), verify.out());
    }

    private static void assertOneLine(final String err, final String expected)
    {
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), err);
        assertFalse(err.contains("Exception"), err);
    }

    private static String errors(final List<ChildCli> children) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (final ChildCli child : children)
        {
            text.append(child.err()).append(" | ");
        }
        return text.toString();
    }

    private Path tree() throws IOException
    {
        final Path tree = Files.createDirectories(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            final Path dir = Files.createDirectories(tree.resolve("d" + i % 5));
            Files.writeString(dir.resolve("f" + i + ".txt"), "word" + i + " common text line\n".repeat(1 + i % 4));
        }
        return tree;
    }
}
