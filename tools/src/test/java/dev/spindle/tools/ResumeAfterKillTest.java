package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.spindle.engine.Outcome;
import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a journaled {@code spindle run} with SIGKILL at several points, then checks that
 * {@code journal verify} reads the wreck, {@code resume} finishes it, and afterwards every file of
 * the tree has exactly one terminal outcome in the journal.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResumeAfterKillTest
{
    private static final int FILES = 300;

    @TempDir
    Path base;

    @ParameterizedTest(name = "killed after {0} outcomes")
    @ValueSource(ints = {10, 120, 200})
    void nothingIsLostAcrossAKillAndAResume(final int killAfter) throws Exception
    {
        final Path tree = tree();
        final Path journal = base.resolve("journal");
        final Process child = slowRun(tree, journal);
        killAfterOutcomes(child, killAfter);

        final CliRun verify = CliRun.with(new RunCommand(), "journal", "verify", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("did not close"), verify.out());
        final Verification crashed = verification(journal);
        assertTrue(crashed.consistent(), () -> "problems: " + crashed.problems());
        // The journal trails the engine by the writer's lag, so outcomes the child printed may be missing: resume re-runs those.
        assertTrue(crashed.submitted() <= FILES && crashed.count(Outcome.SUCCEEDED) <= crashed.submitted(), crashed::toString);

        final CliRun resume = CliRun.with(new RunCommand(), "resume", journal.toString(), "--workers", "2");
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());

        final Verification after = verification(journal);
        assertTrue(after.consistent(), () -> "problems: " + after.problems());
        assertTrue(after.complete(), () -> "still in flight: " + after.inFlight());
        assertEquals(FILES, after.submitted(), "every file submitted once across the run and its resume");
        assertEquals(FILES, after.count(Outcome.SUCCEEDED));
        final Map<String, Integer> terminal = new HashMap<>();
        final JournalContents contents = JournalReader.read(journal);
        for (final RecordedRun run : contents.runs())
        {
            for (final RecordedItem item : run.items())
            {
                if (item.terminal())
                {
                    terminal.merge(item.key(), 1, Integer::sum);
                }
            }
        }
        try (var files = Files.walk(tree))
        {
            files.filter(Files::isRegularFile).forEach(f ->
                assertEquals(1, terminal.getOrDefault(f.toString(), 0), () -> "terminal outcomes of " + f));
        }

        final CliRun again = CliRun.with(new RunCommand(), "resume", journal.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("nothing to resume"), again.out());
    }

    @Test
    void aResumeKilledInTurnIsResumedAgain() throws Exception
    {
        final Path tree = tree();
        final Path journal = base.resolve("journal");
        killAfterOutcomes(slow(List.of("run", tree.toString(), "--processor", "stat", "--workers", "2", "--journal", journal.toString())), 60);
        killAfterOutcomes(slow(List.of("resume", journal.toString(), "--workers", "2")), 60);

        final Verification twiceCrashed = verification(journal);
        assertEquals(2, twiceCrashed.unclosedRuns(), "the run and its first resume both died");
        assertTrue(twiceCrashed.consistent(), () -> "problems: " + twiceCrashed.problems());

        final CliRun resume = CliRun.with(new RunCommand(), "resume", journal.toString(), "--workers", "2");
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        final Verification after = verification(journal);
        assertTrue(after.consistent() && after.complete(), () -> "problems " + after.problems() + ", in flight " + after.inFlight());
        assertEquals(3, after.runs());
        assertEquals(FILES, after.submitted());
        assertEquals(FILES, after.count(Outcome.SUCCEEDED));
    }

    /** A run with -L killed mid-walk: the resume follows links again (from the recorded command) and finishes every entry once. */
    @Test
    void aFollowLinksRunKilledMidWalkIsFinishedFollowingLinks() throws Exception
    {
        final Path outside = Files.createDirectory(base.resolve("outside"));
        for (int i = 0; i < FILES; i++)
        {
            Files.writeString(outside.resolve("o" + i + ".txt"), "out\n".repeat(1 + i % 4));
        }
        final Path tree = Files.createDirectory(base.resolve("linked"));
        Files.writeString(tree.resolve("a.txt"), "a\n");
        Files.createSymbolicLink(tree.resolve("link"), outside);
        Files.createSymbolicLink(tree.resolve("alias"), outside.resolve("o1.txt"));
        final Path journal = base.resolve("journal");
        killAfterOutcomes(slow(List.of("-Dslow.ring=64"),
            List.of("run", tree.toString(), "-L", "--processor", "stat", "--workers", "2", "--journal", journal.toString())), 40);
        assertTrue(verification(journal).submitted() < FILES, "killed mid-walk");

        final CliRun resume = CliRun.with(new RunCommand(), "resume", journal.toString(), "--workers", "2");
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());

        final Verification after = verification(journal);
        assertTrue(after.consistent() && after.complete(), () -> "problems " + after.problems() + ", in flight " + after.inFlight());
        assertEquals(FILES + 2, after.submitted(), "a.txt, alias and every file under link, each once across the run and its resume");
        final Map<String, Integer> terminal = new HashMap<>();
        for (final RecordedRun run : JournalReader.read(journal).runs())
        {
            run.items().stream().filter(RecordedItem::terminal).forEach(item -> terminal.merge(item.key(), 1, Integer::sum));
        }
        for (int i = 0; i < FILES; i++)
        {
            assertEquals(1, terminal.getOrDefault(tree.resolve("link/o" + i + ".txt").toString(), 0), "o" + i);
        }
        assertEquals(1, terminal.get(tree.resolve("alias").toString()));
    }

    private Path tree() throws IOException
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            final Path dir = Files.createDirectories(tree.resolve("d" + i % 7).resolve("e" + i % 3));
            Files.writeString(dir.resolve("f" + i + ".txt"), "line\n".repeat(1 + i % 5));
        }
        return tree;
    }

    private static Process slowRun(final Path tree, final Path journal) throws IOException
    {
        return slow(List.of("run", tree.toString(), "--processor", "stat", "--workers", "2", "--journal", journal.toString()));
    }

    /** A spindle command line in a child JVM whose processor takes 5 ms an item. */
    private static Process slow(final List<String> args) throws IOException
    {
        return slow(List.of(), args);
    }

    private static Process slow(final List<String> properties, final List<String> args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RepoFiles.jvmFlags());
        command.add("-Dslow.micros=5000");
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SlowRunMain.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's progress lines until {@code outcomes} were reported, then SIGKILLs it. */
    private static void killAfterOutcomes(final Process child, final int outcomes) throws Exception
    {
        final StringBuilder seen = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                seen.append(line).append('\n');
                if (line.startsWith("outcomes ") && Long.parseLong(line.substring(9).trim()) >= outcomes)
                {
                    child.destroyForcibly();
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child did not exit");
                    return;
                }
            }
        }
        finally
        {
            child.destroyForcibly();
        }
        child.waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("child ended (exit " + child.exitValue() + ") before " + outcomes + " outcomes:\n" + seen);
    }

    private static Verification verification(final Path journal) throws Exception
    {
        final JournalContents contents = JournalReader.read(journal);
        return Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
    }
}
