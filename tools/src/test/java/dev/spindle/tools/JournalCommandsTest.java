package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --journal}, {@code journal verify}, {@code resume} and {@code replay} through the real
 * command line on a journal the real engine wrote, and every kind of bad journal.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JournalCommandsTest
{
    private static final int FILES = 120;

    @TempDir
    static Path base;

    private static Path journal;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void journaledRun() throws IOException
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            Files.writeString(tree.resolve("f" + i + ".txt"), "x".repeat(1 + i * 37) + "\n");
        }
        journal = base.resolve("journal");
        final CliRun run = CliRun.of("run", tree.toString(), "--workers", "2", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    }

    @Test
    void verifySaysACleanRunIsConsistentAndComplete()
    {
        final CliRun verify = CliRun.of("journal", "verify", journal.toString(), "--require-complete");
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("submitted     " + FILES + " items"), verify.out());
        assertTrue(verify.out().contains(FILES + " succeeded"), verify.out());
        assertTrue(verify.out().contains("in flight     0"), verify.out());
        assertTrue(verify.out().contains("consistent"), verify.out());
        assertFalse(verify.out().contains("did not close"), verify.out());

        final CliRun resume = CliRun.of("resume", journal.toString());
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.err());
        assertTrue(resume.out().contains("nothing to resume"), resume.out());
    }

    @Test
    void aSecondRunIntoTheSameJournalIsRefused()
    {
        final CliRun again = CliRun.of("run", base.resolve("tree").toString(), "--journal", journal.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertTrue(again.err().contains("is not empty"), again.err());
    }

    @Test
    void replayAuditsRecordedAgainstReplayedAndWritesJson() throws IOException
    {
        final Path json = base.resolve("replay.json");
        final CliRun replay = CliRun.of("replay", journal.toString(), "--timing", "max", "--json", json.toString());
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.err());
        assertTrue(replay.out().contains("makespan / lower bound"), replay.out());
        final Map<String, Object> audit = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals((double)FILES, ((Map<?, ?>)audit.get("recorded")).get("items"));
        assertEquals((double)FILES, ((Map<?, ?>)audit.get("other")).get("processed"), "every replayed item ran");

        final Path realJson = base.resolve("real.json");
        final CliRun real = CliRun.of("replay", journal.toString(), "--real", "--workers", "1", "--json", realJson.toString());
        assertEquals(ExitCodes.OK, real.exitCode(), real.err());
        assertTrue(real.out().contains("replayed (real)"), real.out());
        final Map<?, ?> replayed = (Map<?, ?>)MiniJson.object(Files.readString(realJson, StandardCharsets.UTF_8)).get("other");
        assertEquals((double)FILES, replayed.get("succeeded"), "the real processor read every recorded file at its key: " + replayed);
    }

    @Test
    void simulateAnswersWhatIfOnMoreWorkers()
    {
        final CliRun sim = CliRun.of("replay", journal.toString(), "--simulate", "--workers", "64", "--budget", "50");
        assertEquals(ExitCodes.OK, sim.exitCode(), sim.err());
        assertTrue(sim.out().contains("simulated"), sim.out());
        assertTrue(sim.out().matches("(?s).*workers\\s+2\\s+64.*"), sim.out());
    }

    @Test
    void badReplayOptionsAreOneLineUsageErrors()
    {
        for (final String[] args : new String[][] {
            {"replay", "JOURNAL", "--timing", "fast"},
            {"replay", "JOURNAL", "--linger", "soon"},
            {"replay", "JOURNAL", "--tune", "sideways"},
            {"replay", "JOURNAL", "--run", "7"},
            {"replay", "JOURNAL", "--simulate", "--real"}})
        {
            args[1] = journal.toString();
            final CliRun bad = CliRun.of(args);
            assertEquals(ExitCodes.USAGE, bad.exitCode(), String.join(" ", args) + ": " + bad.err());
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
        }
    }

    @Test
    void everyKindOfBadJournalHasItsOwnExitAndOneLine() throws IOException
    {
        final Path missing = base.resolve("missing");
        final Path emptyDir = Files.createDirectories(base.resolve("empty"));
        final Path foreign = Files.createDirectories(base.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "not a queue\n");
        final Path truncated = copy(journal, base.resolve("truncated"));
        try (var files = Files.list(truncated))
        {
            for (final Path cq4 : files.filter(f -> f.toString().endsWith(".cq4")).toList())
            {
                try (var channel = java.nio.channels.FileChannel.open(cq4, java.nio.file.StandardOpenOption.WRITE))
                {
                    channel.truncate(200);
                }
            }
        }
        check(ExitCodes.NOT_A_JOURNAL, missing);
        check(ExitCodes.NOT_A_JOURNAL, emptyDir);
        check(ExitCodes.NOT_A_JOURNAL, foreign);
        check(ExitCodes.JOURNAL_CORRUPT, truncated);
    }

    private static void check(final int expected, final Path dir)
    {
        for (final String command : new String[] {"journal verify", "resume", "replay"})
        {
            final String[] words = (command + " " + dir).split(" ");
            final CliRun run = CliRun.of(words);
            assertEquals(expected, run.exitCode(), command + " " + dir + ": " + run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    private static Path copy(final Path from, final Path to) throws IOException
    {
        Files.createDirectories(to);
        try (var files = Files.list(from))
        {
            for (final Path f : files.toList())
            {
                if (Files.isRegularFile(f))
                {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        return to;
    }
}
