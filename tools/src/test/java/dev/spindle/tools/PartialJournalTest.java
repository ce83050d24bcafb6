package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.Verification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A journal a real {@code spindle run} wrote, its cycle file cut at several offsets, then verify, replay,
 * report and resume through the real command line: cuts inside the file header leave nothing (exit 12,
 * one line); later cuts give what precedes them, said in one line, and a resume finishes the run so
 * every file of the tree ends with exactly one outcome. Also a journal directory a run left without a
 * complete record (Ctrl-C at start-up): neither run nor resume is a dead end.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PartialJournalTest
{
    private static final int FILES = 1_000;
    private static final byte[] FRAME_MAGIC = {'S', 'P', 'J', 'F'};

    @TempDir
    static Path base;

    private static Path tree;
    private static Path journal;

    @BeforeAll
    static void journaledRun() throws IOException
    {
        tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            Files.writeString(tree.resolve("f" + i + ".txt"), "line\n".repeat(1 + i % 50));
        }
        journal = base.resolve("journal");
        final CliRun run = CliRun.of("run", tree.toString(), "--processor", "stat", "--workers", "2", "--journal", journal.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    }

    @ParameterizedTest(name = "cut at byte {0}")
    @ValueSource(longs = {0, 2, 100})
    void aCutInsideTheFileHeaderLeavesNothingAndSaysSoInOneLine(final long cut) throws IOException
    {
        final Path damaged = cutCopy("head" + cut, cut);
        for (final String command : new String[] {"journal verify", "resume", "replay"})
        {
            final CliRun run = CliRun.of((command + " " + damaged).split(" "));
            assertEquals(ExitCodes.JOURNAL_CORRUPT, run.exitCode(), command + ": " + run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("nothing in it is recoverable"), run.err());
        }
    }

    @ParameterizedTest(name = "cut inside the frame at {0} of the frames")
    @ValueSource(strings = {"middle", "last"})
    void aLaterCutIsRecoveredVerifiedReplayedReportedAndResumed(final String where) throws IOException
    {
        final long[] frames = framePositions(cycleFile(journal));
        assertTrue(frames.length >= 3, "the run took several frames: " + frames.length);
        // frames are as big as the writer's drains made them: past the second, so the recovered part always holds items
        final long frame = "middle".equals(where) ? frames[Math.max(2, frames.length / 2)] : frames[frames.length - 1];
        final Path damaged = cutCopy(where, frame + 40);

        final CliRun verify = CliRun.of("journal", "verify", damaged.toString());
        assertEquals(ExitCodes.JOURNAL_CORRUPT, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("recovered") && verify.out().contains("lost          at least"), verify.out());
        oneLine(verify, "is damaged: recovered");

        final CliRun replay = CliRun.of("replay", damaged.toString(), "--timing", "max");
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.out() + replay.err());
        oneLine(replay, "is damaged; using what was recovered");

        final Path html = base.resolve(where + ".html");
        final CliRun report = CliRun.of("report", damaged.toString(), "--out", html.toString());
        assertEquals(0, report.exitCode(), report.err());
        oneLine(report, "is damaged; reporting on what was recovered");
        assertTrue(Files.size(html) > 0);

        final CliRun resume = CliRun.of("resume", damaged.toString(), "--workers", "2");
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        oneLine(resume, "is rebuilt from what was recovered");

        final CliRun after = CliRun.of("journal", "verify", damaged.toString(), "--require-complete");
        assertEquals(ExitCodes.OK, after.exitCode(), after.out() + after.err());
        everyFileOnceWithAnOutcome(damaged);
    }

    @Test
    void aDirectoryARunStoppedAtStartUpLeftIsNeitherRefusedByRunNorByResume() throws IOException
    {
        final Path blank = blankJournal("blank-resume");
        final CliRun verify = CliRun.of("journal", "verify", blank.toString());
        assertEquals(ExitCodes.JOURNAL_EMPTY, verify.exitCode(), verify.err());
        assertEquals(1, verify.err().strip().lines().count(), verify.err());
        assertTrue(verify.err().contains("no complete record"), verify.err());

        final CliRun resume = CliRun.of("resume", blank.toString());
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.err());
        assertTrue(resume.out().contains("nothing to resume") && resume.out().contains("reset"), resume.out());

        final Path again = blankJournal("blank-run");
        final CliRun run = CliRun.of("run", tree.toString(), "--processor", "stat", "--workers", "2", "--journal", again.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        oneLine(run, "held no complete record");
        assertEquals(ExitCodes.OK, CliRun.of("journal", "verify", again.toString(), "--require-complete").exitCode());
        everyFileOnceWithAnOutcome(again);
    }

    /** What a Ctrl-C at about 0.9 s left: the writer's lock and a metadata file mapped but never written. */
    private static Path blankJournal(final String name) throws IOException
    {
        final Path dir = Files.createDirectories(base.resolve(name));
        Files.createFile(dir.resolve("journal.lock"));
        Files.write(dir.resolve("metadata.cq4t"), new byte[64 * 1024]);
        return dir;
    }

    private static void everyFileOnceWithAnOutcome(final Path dir) throws IOException
    {
        final JournalContents contents = JournalReader.read(dir);
        final Verification v = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
        assertTrue(v.consistent() && v.complete(), v::toString);
        assertEquals(FILES, v.submitted(), "every file journaled once");
        assertEquals(FILES, v.count(dev.spindle.engine.Outcome.SUCCEEDED));
        final Set<String> keys = new HashSet<>();
        for (final RecordedRun run : contents.runs())
        {
            for (final RecordedItem item : run.items())
            {
                keys.add(item.key());
            }
        }
        assertEquals(FILES, keys.size());
    }

    private static void oneLine(final CliRun run, final String expected)
    {
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static Path cutCopy(final String name, final long size) throws IOException
    {
        final Path copy = Files.createDirectories(base.resolve(name));
        try (Stream<Path> files = Files.list(journal))
        {
            for (final Path f : files.filter(Files::isRegularFile).toList())
            {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (FileChannel channel = FileChannel.open(cycleFile(copy), StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
        return copy;
    }

    private static Path cycleFile(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** Where the journal's frames start: their magic, 4-aligned (documents are). */
    private static long[] framePositions(final Path cycle) throws IOException
    {
        final List<Long> found = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(cycle, StandardOpenOption.READ))
        {
            final ByteBuffer bytes = ByteBuffer.allocate((int)Math.min(channel.size(), 16 << 20)).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining() && channel.read(bytes) > 0)
            {
                // fill
            }
            bytes.flip();
            final int magic = ByteBuffer.wrap(FRAME_MAGIC).order(ByteOrder.LITTLE_ENDIAN).getInt();
            for (int at = 0; at + 4 <= bytes.limit(); at += 4)
            {
                if (bytes.getInt(at) == magic)
                {
                    found.add((long)at);
                }
            }
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }
}
