package dev.spindle.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a journal directory's Chronicle Queue files with plain reads before Chronicle maps them.
 * Chronicle trusts its files: a truncated one makes it touch pages past the end (SIGBUS, surfacing as an
 * InternalError) and an incomplete header makes a tailer wait. So every file's document chain (4-byte
 * headers: bit 31 not complete, bit 30 metadata, 30 bits of length, 4-aligned) is walked here first: a
 * chain that runs off its file is corrupt, and an incomplete last document (a writer killed mid-write:
 * a zero or not-complete header followed by a frame's bytes) is found and sized, to be skipped and counted.
 */
final class JournalFiles
{
    static final String METADATA_FILE = "metadata.cq4t";
    static final String CYCLE_SUFFIX = ".cq4";
    /** Table-store key the writer sets to its format version: marks a queue as a journal even before its first record. */
    static final String FORMAT_KEY = "spindle.journal.format";

    private static final int NOT_COMPLETE = 0x80000000;
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;
    private static final int END_OF_FILE = 0xC0000000;
    private static final int WINDOW = 64 * 1024;

    private JournalFiles()
    {
    }

    /** One cycle file: its complete data documents and, if its chain ends in a torn one, where and how many records it held. */
    record Cycle(Path file, long dataDocuments, long tornOffset, int tornRecords)
    {
        boolean torn()
        {
            return tornOffset >= 0;
        }
    }

    /** What a directory holds of a queue: its metadata file (if any) and its cycle files, oldest first. */
    record Layout(boolean metadata, List<Cycle> cycles)
    {
        boolean queueFiles()
        {
            return metadata || !cycles.isEmpty();
        }

        long dataDocuments()
        {
            long total = 0;
            for (final Cycle cycle : cycles)
            {
                total += cycle.dataDocuments();
            }
            return total;
        }
    }

    /** The directory's queue files, every chain walked; NOT_A_JOURNAL for a missing directory, CORRUPT for a broken file. */
    static Layout inspect(final Path dir) throws JournalException
    {
        if (!Files.exists(dir))
        {
            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, "no such directory: " + dir);
        }
        if (!Files.isDirectory(dir))
        {
            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, "not a directory: " + dir);
        }
        final List<Path> cycleFiles = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir))
        {
            entries.filter(p -> p.getFileName().toString().endsWith(CYCLE_SUFFIX) && Files.isRegularFile(p)).sorted().forEach(cycleFiles::add);
        }
        catch (final IOException e)
        {
            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, "cannot list " + dir + ": " + e);
        }
        final Path metadata = dir.resolve(METADATA_FILE);
        final boolean hasMetadata = Files.isRegularFile(metadata);
        if (hasMetadata)
        {
            walk(metadata);
        }
        final List<Cycle> cycles = new ArrayList<>(cycleFiles.size());
        for (final Path file : cycleFiles)
        {
            cycles.add(walk(file));
        }
        return new Layout(hasMetadata, List.copyOf(cycles));
    }

    /** True when the directory has entries other than a writer's lock file. */
    static boolean hasEntries(final Path dir) throws IOException
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.anyMatch(p -> !p.getFileName().toString().equals(WriterLock.FILE));
        }
    }

    /** True when the directory holds a queue's metadata or cycle files: cheap, for before any file is created in it. */
    static boolean hasQueueFiles(final Path dir) throws IOException
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.map(p -> p.getFileName().toString()).anyMatch(n -> n.equals(METADATA_FILE) || n.endsWith(CYCLE_SUFFIX));
        }
    }

    private static Cycle walk(final Path file) throws JournalException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final Window window = new Window(channel);
            final long size = channel.size();
            long position = 0;
            long data = 0;
            boolean first = true;
            while (true)
            {
                position = (position + 3) & ~3L;
                if (position + Integer.BYTES > size)
                {
                    throw truncated(file, size);
                }
                final int header = window.intAt(position);
                if (first)
                {
                    if ((header & NOT_COMPLETE) != 0 || (header & META_DATA) == 0 || position + Integer.BYTES + (header & LENGTH_MASK) > size)
                    {
                        throw new JournalException(JournalException.Kind.CORRUPT,
                            file + ": unreadable Chronicle Queue file header (" + Integer.toHexString(header) + ")");
                    }
                    first = false;
                }
                if (header == END_OF_FILE)
                {
                    return new Cycle(file, data, -1, 0);
                }
                if (header == 0)
                {
                    // Chronicle writes a document's header last: a writer killed mid-document leaves a zero header before its bytes
                    final int torn = tornRecords(window, position + Integer.BYTES, size);
                    return new Cycle(file, data, torn > 0 ? position : -1, torn);
                }
                if ((header & NOT_COMPLETE) != 0)
                {
                    final int torn = (header & META_DATA) != 0 ? 0 : Math.max(1, tornRecords(window, position + Integer.BYTES, size));
                    return new Cycle(file, data, position, torn);
                }
                final long length = header & LENGTH_MASK;
                if (position + Integer.BYTES + length > size)
                {
                    throw truncated(file, size);
                }
                if ((header & META_DATA) == 0)
                {
                    data++;
                }
                position += Integer.BYTES + length;
            }
        }
        catch (final JournalException e)
        {
            throw e;
        }
        catch (final IOException e)
        {
            throw new JournalException(JournalException.Kind.CORRUPT, "cannot read " + file + ": " + e);
        }
    }

    /**
     * The record count of a frame begun at {@code frame} whose document was never completed, or 0 when no
     * frame was begun there. Chronicle zeroes the 8 bytes after each document it completes, so the bytes
     * after the chain's end show a frame's magic only if a writer got that far before it died.
     */
    private static int tornRecords(final Window window, final long frame, final long size) throws IOException
    {
        if (frame + FrameDescriptor.HEADER_LENGTH > size || window.intAt(frame + FrameDescriptor.MAGIC_OFFSET) != FrameDescriptor.MAGIC)
        {
            return 0;
        }
        return Math.max(1, window.intAt(frame + FrameDescriptor.RECORD_COUNT_OFFSET));
    }

    private static JournalException truncated(final Path file, final long size)
    {
        return new JournalException(JournalException.Kind.CORRUPT,
            file + " is truncated: its chain of documents runs past the end of the file (" + size + " bytes)");
    }

    /** Buffered little-endian int reads at arbitrary positions: one read call per 64 KiB of small documents. */
    private static final class Window
    {
        private final FileChannel channel;
        private final ByteBuffer bytes = ByteBuffer.allocate(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
        private long start = -1;
        private int filled;

        Window(final FileChannel channel)
        {
            this.channel = channel;
        }

        int intAt(final long position) throws IOException
        {
            if (start < 0 || position < start || position + Integer.BYTES > start + filled)
            {
                bytes.clear();
                filled = 0;
                start = position;
                while (bytes.hasRemaining())
                {
                    final int n = channel.read(bytes, start + filled);
                    if (n < 0)
                    {
                        break;
                    }
                    filled += n;
                }
                if (filled < Integer.BYTES)
                {
                    throw new IOException("short read at " + position);
                }
            }
            return bytes.getInt((int)(position - start));
        }
    }
}
