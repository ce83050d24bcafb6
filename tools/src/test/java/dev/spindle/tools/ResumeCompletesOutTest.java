package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.tools.ml.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code spindle run --out O --journal J} with SIGKILL once the journal holds outcomes, then {@code spindle
 * resume J} in a child JVM of its own: afterwards O/index.jsonl has one line per file and embeddings.npy one row per
 * embedded file, with no duplicate, and the resume ran with the run's settings (--no-cache, --text-cap) unless told.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ResumeCompletesOutTest
{
    private static final int FILES = 640;
    private static final int TEXT_CAP = 1000;

    @TempDir
    Path base;

    @Test
    void aKilledRunIsCompletedWithItsOwnSettingsEvenWithATornLastLine() throws Exception
    {
        final Path tree = tree();
        final Path out = base.resolve("out");
        final Path journal = base.resolve("journal");
        killMidRun(tree, out, journal);
        final Path index = out.resolve(ResultsOutput.INDEX);
        if (Files.size(index) > 3)
        {
            try (FileChannel channel = FileChannel.open(index, StandardOpenOption.WRITE))
            {
                channel.truncate(channel.size() - 3); // the last line torn, as by a crash mid-write
            }
        }

        final ChildCli resume = cli("resume", List.of("resume", journal.toString(), "--workers", "2"));
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        final String said = resume.out();
        assertTrue(said.contains("the run's settings: --processor ml --no-cache --out " + out + " --text-cap " + TEXT_CAP), said);
        assertFalse(said.contains("overridden"), said);
        assertTrue(said.contains("items in flight at the crash; walking"), said);
        assertTrue(said.contains("off (--no-cache)"), "the resume ran without a cache, as the run did: " + said);
        assertFalse(Files.exists(base.resolve("cache")), "no cache was made by either process");

        final List<Map<String, Object>> lines = onePerFile(tree, out);
        for (final Map<String, Object> line : lines)
        {
            final long size = ((Double) line.get("size")).longValue();
            assertEquals(size > TEXT_CAP, line.get("truncated"), () -> "--text-cap " + TEXT_CAP + " applied on both sides: " + line);
        }
    }

    @Test
    void aFlagGivenToTheResumeOverridesTheRunsAndSaysSo() throws Exception
    {
        final Path tree = Path.of("").toAbsolutePath().relativize(tree()); // a relative DIR: the resume walks it as the run did
        final Path out = base.resolve("out");
        final Path journal = base.resolve("journal");
        killMidRun(tree, out, journal);

        final ChildCli resume = cli("resume", List.of("resume", journal.toString(), "--workers", "2", "--text-cap", "100000"));
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        final String said = resume.out();
        assertTrue(said.contains("overridden here: --text-cap 100000 (the run had " + TEXT_CAP + ")"), said);
        assertEquals(1, said.lines().filter(l -> l.contains("overridden")).count(), said);
        onePerFile(tree, out);
    }

    @Test
    void anInterruptedRunsRejectedLinesAreDoneAgainOnce() throws Exception
    {
        final Path tree = tree();
        final Path out = base.resolve("out");
        final Path journal = base.resolve("journal");
        final ChildCli run = start("run", SlowRunMain.class.getName(), List.of("-Dslow.micros=5000"), List.of("run", tree.toString(), "--out",
            out.toString(), "--journal", journal.toString(), "--no-cache", "--workers", "1", "--drain-timeout", "200ms"));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChildCli.LIMIT_SECONDS);
        while (terminalOutcomes(journal) < 20)
        {
            assertTrue(run.process.isAlive() && System.nanoTime() < deadline, () -> "no outcomes in the journal before the run ended: " + err(run));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        final Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -INT " + run.process.pid()).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT");
        assertEquals(ExitCodes.INTERRUPTED_SIGINT, run.exitCode(), run.out() + run.err());
        final long rejectedLines = Files.readAllLines(out.resolve(ResultsOutput.INDEX)).stream().filter(l -> l.contains("\"rejected\"")).count();
        assertTrue(rejectedLines > 0, "the drain timeout cut a batch short, and its files have 'rejected' lines");

        final ChildCli resume = cli("resume", List.of("resume", journal.toString(), "--workers", "2"));
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        assertTrue(resume.out().contains("dropped " + rejectedLines + " (torn or rejected)"), resume.out());
        onePerFile(tree, out);
    }

    /** Every file of the tree has one line, every line's row is its own, and the matrix holds exactly those rows. */
    private static List<Map<String, Object>> onePerFile(final Path tree, final Path out) throws IOException
    {
        final List<Map<String, Object>> lines = new ArrayList<>();
        for (final String text : Files.readAllLines(out.resolve(ResultsOutput.INDEX), StandardCharsets.UTF_8))
        {
            lines.add(MiniJson.object(text));
        }
        final Map<String, Integer> perPath = new HashMap<>();
        final Set<Long> rows = new TreeSet<>();
        for (final Map<String, Object> line : lines)
        {
            perPath.merge((String) line.get("path"), 1, Integer::sum);
            assertEquals("succeeded", line.get("status"), line::toString);
            if (line.get("row") != null)
            {
                assertTrue(rows.add(((Double) line.get("row")).longValue()), () -> "row named twice: " + line);
            }
        }
        final Set<String> files;
        try (var walk = Files.walk(tree))
        {
            files = walk.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toCollection(TreeSet::new));
        }
        final Set<String> missing = new TreeSet<>(files);
        missing.removeAll(perPath.keySet());
        final Set<String> extra = new TreeSet<>(perPath.keySet());
        extra.removeAll(files);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> "a line for every file and nothing else: " + missing.size() + " missing, e.g. "
            + missing.stream().limit(3).toList() + "; " + extra.size() + " not files of the tree, e.g. " + extra.stream().limit(3).toList());
        assertTrue(perPath.values().stream().allMatch(n -> n == 1), () -> "duplicate lines: " + perPath);
        assertEquals(FILES, lines.size());
        final Path npy = out.resolve(ResultsOutput.MATRIX);
        assertEquals(256, NpyWriter.columnsOf(npy));
        assertEquals(rows.size(), NpyWriter.wholeRows(Files.size(npy), 256));
        assertEquals(128 + rows.size() * 256L * Float.BYTES, Files.size(npy), "no torn row");
        assertEquals(rows.size() == 0 ? Set.of() : rangeTo(rows.size()), rows, "rows 0..n-1, each named once");
        assertTrue(rows.size() > FILES / 2 && rows.size() < FILES, "text files are embedded: " + rows.size());
        NumpyCheck.loadsAs(npy, rows.size(), 256);
        final String header = new String(Files.readAllBytes(npy), 0, 128, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (" + rows.size() + ", 256)"), header);
        return lines;
    }

    private static Set<Long> rangeTo(final long n)
    {
        final Set<Long> all = new TreeSet<>();
        for (long k = 0; k < n; k++)
        {
            all.add(k);
        }
        return all;
    }

    /** A slowed {@code run --out --journal --no-cache --text-cap} SIGKILLed once its journal shows outcomes for some files. */
    private void killMidRun(final Path tree, final Path out, final Path journal) throws Exception
    {
        final ChildCli run = start("run", SlowRunMain.class.getName(), List.of("-Dslow.micros=5000"), List.of("run", tree.toString(), "--out",
            out.toString(), "--journal", journal.toString(), "--no-cache", "--text-cap", Integer.toString(TEXT_CAP), "--workers", "2"));
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ChildCli.LIMIT_SECONDS);
            while (terminalOutcomes(journal) < FILES / 3)
            {
                assertTrue(run.process.isAlive() && System.nanoTime() < deadline, () -> "no outcomes in the journal before the run ended: " + err(run));
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        finally
        {
            run.kill();
        }
        assertTrue(Files.exists(out.resolve(ResultsOutput.INDEX)), "the run had started --out");
        final JournalContents killed = JournalReader.read(journal);
        assertFalse(killed.runs().get(0).closed(), "killed mid-run, before its footer");
    }

    private static String err(final ChildCli child)
    {
        try
        {
            return child.err();
        }
        catch (final IOException e)
        {
            return e.toString();
        }
    }

    private static long terminalOutcomes(final Path journal)
    {
        try
        {
            final JournalContents contents = JournalReader.read(journal);
            long n = 0;
            for (final RecordedRun run : contents.runs())
            {
                for (final RecordedItem item : run.items())
                {
                    n += item.terminal() ? 1 : 0;
                }
            }
            return n;
        }
        catch (final IOException | RuntimeException e)
        {
            return 0; // not started yet, or caught mid-write: look again
        }
    }

    private ChildCli cli(final String name, final List<String> args) throws IOException
    {
        return start(name, SpindleCli.class.getName(), List.of(), args);
    }

    /** Children keep any cache they would make under the test's directory. */
    private ChildCli start(final String name, final String main, final List<String> flags, final List<String> args) throws IOException
    {
        final List<String> all = new ArrayList<>(flags);
        all.add("-Dspindle.cache.dir=" + base.resolve("cache"));
        return ChildCli.start(base.resolve("logs"), name, main, all, args);
    }

    /** Text files, a third of them longer than --text-cap, and a few binary ones (no embedding). */
    private Path tree() throws IOException
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            final Path dir = Files.createDirectories(tree.resolve("d" + i % 5));
            if (i % 40 == 0)
            {
                Files.write(dir.resolve("b" + i + ".bin"), new byte[] {0, 1, 2, (byte) i, 0, 0, 7});
            }
            else
            {
                Files.writeString(dir.resolve("f" + i + ".txt"), ("word" + i + " line of text\n").repeat(i % 3 == 0 ? 120 : 1 + i % 7));
            }
        }
        return tree;
    }
}
