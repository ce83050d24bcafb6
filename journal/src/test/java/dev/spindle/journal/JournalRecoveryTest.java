package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real engine's journal, its cycle file cut at several offsets (start of file, inside its header, inside
 * a frame, just before the chain's end, in the zeros after it): the reader recovers what precedes each cut
 * and counts the loss; a rebuild makes it appendable again; a directory a run left without a complete
 * record is reset to empty, and one with records never is.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalRecoveryTest
{
    @TempDir
    static Path base;

    private static Path intact;
    private static long intactItems;

    @BeforeAll
    static void writeJournal() throws Exception
    {
        intact = base.resolve("intact");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(intact, "c", "s", "p", -1, FixedItem.IDENTITY,
            WriterSettings.defaults().maxFrameRecords(64)))
        {
            EngineRuns.run(writer, 2, 2_000, 0);
        }
        intactItems = JournalReader.read(intact).runs().get(0).items().size();
    }

    @Test
    void cutsInsideTheFileHeaderLeaveNothingToRecover() throws Exception
    {
        for (final long cut : new long[] {0, 3, 100})
        {
            final Path journal = cutCopy("head" + cut, cut);
            final JournalException e = assertThrows(JournalException.class, () -> JournalReader.read(journal));
            assertEquals(JournalException.Kind.CORRUPT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("nothing in it is recoverable") && e.getMessage().contains("inside its file header"),
                e.getMessage());
        }
    }

    @Test
    void aCutInsideAFrameRecoversEveryFrameBeforeItAndCountsTheLoss() throws Exception
    {
        final long[] frames = framePositions(cycleFile(intact));
        assertTrue(frames.length > 10, "several frames: " + frames.length);
        long previousRecords = 0;
        for (final int k : new int[] {frames.length / 3, frames.length - 1})
        {
            final Path journal = cutCopy("frame" + k, frames[k] + 40);
            final JournalContents contents = JournalReader.read(journal);
            final JournalDamage damage = contents.damage();
            assertNotNull(damage);
            assertTrue(damage.recordsRecovered() > previousRecords, damage::summary);
            previousRecords = damage.recordsRecovered();
            assertTrue(damage.bytesLost() > 0 && damage.recordsLost() > 0, damage::summary);
            assertFalse(damage.summary().contains("\n"));
            final Verification v = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
            assertTrue(v.consistent(), () -> v.problems().toString());
            assertEquals(1, v.unclosedRuns(), "the footer was after the cut");
            assertTrue(v.submitted() <= intactItems && v.submitted() > 0, v::toString);
        }
    }

    @Test
    void aCutInTheZerosAfterTheChainLosesNothing() throws Exception
    {
        final Path cycle = cycleFile(intact);
        final long[] frames = framePositions(cycle);
        final long end = frames[frames.length - 1] + (4 << 20); // past any index page Chronicle placed after the last frame
        assertTrue(end < Files.size(cycle), "Chronicle's file is sparse beyond the chain");
        final JournalContents contents = JournalReader.read(cutCopy("tail", end));
        assertNull(contents.damage());
        assertEquals(intactItems, contents.runs().get(0).items().size());
    }

    @Test
    void aRebuiltJournalReadsIntactAndTakesAResume() throws Exception
    {
        final long[] frames = framePositions(cycleFile(intact));
        final Path journal = cutCopy("rebuilt", frames[frames.length / 2] + 40);
        final JournalContents cut = JournalReader.read(journal);

        final JournalRepair.Rebuilt rebuilt = JournalRepair.rebuildIfDamaged(journal);
        assertNotNull(rebuilt);
        assertTrue(Files.isDirectory(rebuilt.damagedFiles()) && rebuilt.damagedFiles().startsWith(journal));
        final JournalContents repaired = JournalReader.read(journal);
        assertNull(repaired.damage());
        assertEquals(cut.runs().get(0).items().size(), repaired.runs().get(0).items().size());
        assertNull(JournalRepair.rebuildIfDamaged(journal), "nothing to do the second time");

        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", 0, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 100, 100_000);
        }
        final JournalContents resumed = JournalReader.read(journal);
        assertEquals(2, resumed.runs().size());
        assertEquals(0, resumed.runs().get(1).header().resumeOf());
    }

    @Test
    void aDirectoryARunLeftWithoutACompleteRecordIsEmptyAndResetsWhileOneWithRecordsNeverDoes() throws Exception
    {
        final Path blank = Files.createDirectories(base.resolve("blank"));
        Files.createFile(blank.resolve(WriterLock.FILE));
        Files.write(blank.resolve(JournalFiles.METADATA_FILE), new byte[64 * 1024]); // mapped and extended, never written
        final JournalException e = assertThrows(JournalException.class, () -> JournalReader.read(blank));
        assertEquals(JournalException.Kind.EMPTY, e.kind(), e.getMessage());

        assertTrue(JournalRepair.resetIfBlank(blank));
        try (Stream<Path> left = Files.list(blank))
        {
            assertEquals(List.of(blank.resolve(WriterLock.FILE)), left.toList());
        }
        try (JournalWriter<FixedItem> writer = JournalWriter.open(blank, "c", "s", "p", -1, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 50, 0);
        }
        assertEquals(1, JournalReader.read(blank).runs().size(), "a fresh journal after the reset");
        assertFalse(JournalRepair.resetIfBlank(blank));
        assertFalse(JournalRepair.resetIfBlank(intact));
        assertEquals(intactItems, JournalReader.read(intact).runs().get(0).items().size());
    }

    private static Path cutCopy(final String name, final long size) throws IOException
    {
        final Path copy = Files.createDirectories(base.resolve(name));
        try (Stream<Path> files = Files.list(intact))
        {
            for (final Path f : files.toList())
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

    private static Path cycleFile(final Path journal) throws IOException
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** Where the journal's frames start, found by their magic. */
    static long[] framePositions(final Path cycle) throws IOException
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
            for (int at = 0; at + 4 <= bytes.limit(); at += 4)
            {
                if (bytes.getInt(at) == FrameDescriptor.MAGIC)
                {
                    found.add((long)at);
                }
            }
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }
}
