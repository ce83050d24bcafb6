package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.spindle.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A journal whose writer is a live child JVM (held still mid-run by a gate file that never appears), then the same journal once that child is SIGKILLed:
 * while it lives, replay refuses (exit 14) or waits (--wait), resume and a new run get exit 2, and top
 * shows it running; once it is gone without a footer, top shows CRASHED (exit 4) and replay proceeds.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveJournalTest
{
    private static final int FILES = 300;

    @TempDir
    Path base;

    @Test
    void aLiveWriterIsRunningAndAKilledOneCrashed() throws Exception
    {
        final Path tree = Files.createDirectories(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            Files.writeString(tree.resolve("f" + i + ".txt"), "line\n".repeat(1 + i % 3));
        }
        final Path journal = base.resolve("journal");
        final ChildCli writer = ChildCli.gated(base.resolve("logs"), "writer", base.resolve("never"),
            List.of("run", tree.toString(), "--processor", "stat", "--workers", "2", "--journal", journal.toString()));
        try
        {
            writer.awaitOutcomes(SlowRunMain.GATE_AFTER);
            assertTrue(JournalWriter.beingWritten(journal), "the child holds the writer lock");

            final CliRun replay = CliRun.of("replay", journal.toString(), "--simulate");
            assertEquals(ExitCodes.JOURNAL_LIVE, replay.exitCode(), replay.err());
            assertEquals("spindle replay: journal " + journal + ": run 0 is still being written by a live process (no footer yet);"
                + " replay it once the run ends, or add --wait\n", replay.err());
            assertEquals("", replay.out());

            final CliRun resume = CliRun.of("resume", journal.toString());
            assertEquals(ExitCodes.USAGE, resume.exitCode(), resume.err());
            assertTrue(resume.err().startsWith("spindle resume: journal " + journal + " is being written by a live process"), resume.err());
            assertEquals(1, resume.err().lines().count(), resume.err());

            final CliRun again = CliRun.of("run", tree.toString(), "--processor", "stat", "--journal", journal.toString());
            assertEquals(ExitCodes.USAGE, again.exitCode(), again.err());
            assertFalse(again.err().contains("error:"), again.err());

            final StringWriter topOut = new StringWriter();
            final CompletableFuture<Integer> top = CompletableFuture.supplyAsync(() -> top(topOut, journal));
            final CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(
                () -> CliRun.of("replay", journal.toString(), "--simulate", "--wait"));
            awaitFrames(topOut, 2);
            assertFalse(waiting.isDone(), "replay --wait waits while the writer lives");
            assertTrue(topOut.toString().contains("\"crashed\":false"), topOut::toString);

            writer.kill();

            assertEquals(4, top.get(2, TimeUnit.MINUTES), topOut::toString);
            final List<String> frames = topOut.toString().lines().toList();
            final String last = frames.get(frames.size() - 1);
            assertTrue(last.contains("\"crashed\":true") && last.contains("\"ended\":false"), last);
            final CliRun waited = waiting.get(2, TimeUnit.MINUTES);
            assertEquals(ExitCodes.OK, waited.exitCode(), "the writer is gone: the recorded part is replayed " + waited.err());
            assertTrue(waited.out().startsWith("spindle replay " + journal + " (run 0, "), waited.out());
        }
        finally
        {
            writer.kill();
        }
        final CliRun resume = CliRun.of("resume", journal.toString(), "--workers", "2");
        assertEquals(ExitCodes.OK, resume.exitCode(), "a crashed run is resumed: " + resume.err());
        final CliRun plainTop = CliRun.of("top", journal.toString(), "--plain");
        assertEquals(0, plainTop.exitCode(), plainTop.err());
        assertTrue(plainTop.out().contains("ENDED"), plainTop.out());
    }

    @Test
    void topShowsAKilledWritersRunAsCrashedOnTheScreen() throws Exception
    {
        final Path tree = Files.createDirectories(base.resolve("tree"));
        for (int i = 0; i < 100; i++)
        {
            Files.writeString(tree.resolve("f" + i), "x\n");
        }
        final Path journal = base.resolve("journal");
        final ChildCli writer = ChildCli.gated(base.resolve("logs"), "writer", base.resolve("never"),
            List.of("run", tree.toString(), "--processor", "stat", "--workers", "1", "--journal", journal.toString()));
        writer.awaitOutcomes(SlowRunMain.GATE_AFTER);
        writer.kill();

        final CliRun top = CliRun.of("top", journal.toString(), "--plain");
        assertEquals(4, top.exitCode(), top.out() + top.err());
        assertTrue(top.out().contains("  CRASHED (writer gone, no footer)\n"), top.out());
        assertFalse(top.out().contains("running"), top.out());
    }

    private static int top(final StringWriter out, final Path journal)
    {
        final CommandLine commandLine = SpindleCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute("top", journal.toString(), "--every", "0.2", "--json");
    }

    private static void awaitFrames(final StringWriter out, final int frames) throws InterruptedException, IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (out.toString().lines().count() < frames)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("top drew no frames: " + out);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
