package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every way a journal directory can be unreadable gives its own kind, a one-line message, and never a hang. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalBadInputTest
{
    @TempDir
    Path dir;

    @Test
    void kindsHaveDistinctExitCodes()
    {
        assertEquals(JournalException.Kind.values().length,
            Arrays.stream(JournalException.Kind.values()).mapToInt(JournalException.Kind::exitCode).distinct().count());
    }

    @Test
    void aMissingDirectoryAFileAndADirectoryWithoutQueueFilesAreNotJournals() throws IOException
    {
        assertKind(JournalException.Kind.NOT_A_JOURNAL, dir.resolve("missing"));
        final Path file = Files.writeString(dir.resolve("file"), "x");
        assertKind(JournalException.Kind.NOT_A_JOURNAL, file);
        final Path empty = Files.createDirectory(dir.resolve("empty"));
        assertKind(JournalException.Kind.NOT_A_JOURNAL, empty);
        final Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a journal");
        assertKind(JournalException.Kind.NOT_A_JOURNAL, other);
        final JournalException refused = assertThrows(JournalException.class,
            () -> JournalWriter.open(other, "c", "s", "p", -1, FixedItem.IDENTITY));
        assertEquals(JournalException.Kind.NOT_A_JOURNAL, refused.kind(), "the writer will not write into someone's directory");
        assertThrows(JournalException.class, () -> JournalWriter.open(file, "c", "s", "p", -1, FixedItem.IDENTITY));
    }

    @Test
    void aQueueSomeOtherProgramWroteIsNotAJournal()
    {
        final Path foreign = dir.resolve("foreign");
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(foreign).build())
        {
            queue.createAppender().writeText("somebody else's message");
        }
        assertKind(JournalException.Kind.NOT_A_JOURNAL, foreign);
        final JournalException refused = assertThrows(JournalException.class,
            () -> JournalWriter.open(foreign, "c", "s", "p", -1, FixedItem.IDENTITY));
        assertEquals(JournalException.Kind.NOT_A_JOURNAL, refused.kind());
    }

    @Test
    void aJournalThatNeverSawARunIsEmpty() throws IOException
    {
        final Path journal = dir.resolve("journal");
        JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY).close();
        assertKind(JournalException.Kind.EMPTY, journal);
    }

    @Test
    void aFileCutInsideItsHeaderIsCorruptAndOneCutLaterIsRecoveredUpToTheCut() throws Exception
    {
        for (final long size : new long[] {100, 2_000, -1})
        {
            final Path journal = journal("truncated" + size);
            final Path cycle = cycleFile(journal);
            final long cut = size > 0 ? size : chainEnd(cycle) / 2;
            try (FileChannel channel = FileChannel.open(cycle, StandardOpenOption.WRITE))
            {
                channel.truncate(cut);
            }
            if (size > 0)
            {
                assertKind(JournalException.Kind.CORRUPT, journal);
            }
            else
            {
                final JournalContents contents = JournalReader.read(journal);
                assertTrue(contents.damage() != null && contents.damage().recordsRecovered() > 0, contents::toString);
            }
            final JournalException refused = assertThrows(JournalException.class,
                () -> JournalWriter.open(journal, "c", "s", "p", 0, FixedItem.IDENTITY));
            assertEquals(JournalException.Kind.CORRUPT, refused.kind(), "no append to a truncated file");
        }
    }

    @Test
    void aGarbledFileHeaderIsCorrupt() throws Exception
    {
        final Path journal = journal("garbled-header");
        final byte[] junk = new byte[64];
        Arrays.fill(junk, (byte)0x5A);
        overwrite(cycleFile(journal), 0, junk);
        assertKind(JournalException.Kind.CORRUPT, journal);
    }

    @Test
    void anUnreadableFirstRunHeaderIsCorrupt() throws Exception
    {
        final Path journal = journal("garbled-run-header");
        final Path cycle = cycleFile(journal);
        final long first = framePositions(cycle)[0];
        overwrite(cycle, first + FrameDescriptor.HEADER_LENGTH + FrameDescriptor.RECORD_TYPE_OFFSET, intBytes(99));
        assertKind(JournalException.Kind.CORRUPT, journal);
    }

    @Test
    void aGarbledFrameLaterOnIsSkippedWholeAndCounted() throws Exception
    {
        final Path journal = journal("garbled-frame");
        final Path cycle = cycleFile(journal);
        final long[] frames = framePositions(cycle);
        assertTrue(frames.length >= 3, "the run took several frames: " + frames.length);
        final long frame = frames[frames.length / 2];
        final int declared = intAt(cycle, frame + FrameDescriptor.RECORD_COUNT_OFFSET);
        overwrite(cycle, frame + FrameDescriptor.HEADER_LENGTH + FrameDescriptor.RECORD_LENGTH_OFFSET, intBytes(1 << 29));

        final JournalContents contents = JournalReader.read(journal);
        assertEquals(declared, contents.skippedRecords(), "the garbled frame's records, by its header");
        assertTrue(contents.problems().get(0).contains("garbled"), () -> contents.problems().get(0));
        assertEquals(1, contents.runs().size());
    }

    @Test
    void aNewerFormatIsRefusedByTheReaderAndTheWriter() throws Exception
    {
        final Path journal = dir.resolve("newer");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY, WriterSettings.defaults(),
            JournalFormat.VERSION + 1))
        {
            EngineRuns.run(writer, 1, 100, 0);
        }
        assertKind(JournalException.Kind.NEWER_VERSION, journal);
        final JournalException refused = assertThrows(JournalException.class,
            () -> JournalWriter.open(journal, "c", "s", "p", 0, FixedItem.IDENTITY));
        assertEquals(JournalException.Kind.NEWER_VERSION, refused.kind());
        assertFalse(refused.getMessage().contains("\n"));
    }

    private Path journal(final String name) throws Exception
    {
        final Path journal = dir.resolve(name);
        // at most 256 records a frame: the run's ~8,000 records take dozens of frames however the writer's
        // thread is scheduled (unbounded, a fast writer packed them into 2 and the frame tests had nothing to cut)
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY,
            WriterSettings.defaults().maxFrameRecords(256)))
        {
            EngineRuns.run(writer, 2, 2_000, 0);
        }
        return journal;
    }

    private static void assertKind(final JournalException.Kind kind, final Path journal)
    {
        final JournalException e = assertThrows(JournalException.class, () -> JournalReader.read(journal));
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), () -> "one line: " + e.getMessage());
    }

    private static Path cycleFile(final Path journal) throws IOException
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** Where the journal's frames start, found by their magic in the first megabytes of the file. */
    private static long[] framePositions(final Path cycle) throws IOException
    {
        final ByteBuffer bytes = head(cycle);
        final long[] found = new long[bytes.limit() / 4];
        int n = 0;
        for (int at = 0; at + 4 <= bytes.limit(); at += 4)
        {
            if (bytes.getInt(at) == FrameDescriptor.MAGIC)
            {
                found[n++] = at;
            }
        }
        return Arrays.copyOf(found, n);
    }

    private static long chainEnd(final Path cycle) throws IOException
    {
        final long[] frames = framePositions(cycle);
        return frames[frames.length - 1] + 16;
    }

    private static ByteBuffer head(final Path cycle) throws IOException
    {
        try (FileChannel channel = FileChannel.open(cycle, StandardOpenOption.READ))
        {
            final ByteBuffer bytes = ByteBuffer.allocate((int)Math.min(channel.size(), 8 << 20)).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining() && channel.read(bytes) > 0)
            {
                // fill
            }
            return bytes.flip();
        }
    }

    private static int intAt(final Path file, final long position) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(bytes, position);
            return bytes.getInt(0);
        }
    }

    private static byte[] intBytes(final int value)
    {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static void overwrite(final Path file, final long position, final byte[] bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }
}
