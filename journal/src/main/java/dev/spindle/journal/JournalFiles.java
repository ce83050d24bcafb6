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

    /**
     * One cycle file: its complete data documents and, if its chain ends in a torn one, where and how many
     * records it held; {@code cut} when the file ends inside a document (truncated), else null.
     */
    record Cycle(Path file, long dataDocuments, long tornOffset, int tornRecords, Cut cut)
    {
        boolean torn()
        {
            return tornOffset >= 0;
        }
    }

    /**
     * Where a truncated file ends inside a document: the document's offset, the bytes of it that are left,
     * the length its header declared (-1 when the header itself is cut) and the records its frame declared
     * (0 when unknown). Everything written after it is gone without a trace.
     */
    record Cut(long offset, long bytesLeft, long declaredBytes, int records)
    {
    }

    /** What a directory holds of a queue: its metadata file (if any), why it is unreadable (else null) and its cycle files, oldest first. */
    record Layout(boolean metadata, String metadataProblem, List<Cycle> cycles)
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

        /** A cycle file cut short or an unreadable metadata file: Chronicle must not map it, the plain reader reads what is left. */
        boolean damaged()
        {
            return metadataProblem != null || cycles.stream().anyMatch(c -> c.cut() != null);
        }
    }

    /**
     * The directory's queue files, every chain walked; NOT_A_JOURNAL for a missing directory, CORRUPT for a
     * cycle file whose header is garbled. A truncated cycle file and an unreadable metadata file are noted
     * in the layout instead, so a reader can recover what precedes the damage.
     */
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
        String metadataProblem = null;
        if (hasMetadata)
        {
            try
            {
                final Cycle walked = walk(metadata);
                if (walked.cut() != null)
                {
                    metadataProblem = metadata + " is truncated";
                }
            }
            catch (final JournalException e)
            {
                metadataProblem = e.getMessage();
            }
        }
        final List<Cycle> cycles = new ArrayList<>(cycleFiles.size());
        for (final Path file : cycleFiles)
        {
            cycles.add(walk(file));
        }
        return new Layout(hasMetadata, metadataProblem, List.copyOf(cycles));
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

    /** The newest cycle file in {@code dir} (names sort by cycle), or {@code dir} itself when there is none or it cannot be listed. */
    static Path newestCycle(final Path dir)
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.filter(p -> p.getFileName().toString().endsWith(CYCLE_SUFFIX)).max(Path::compareTo).orElse(dir);
        }
        catch (final IOException | RuntimeException e)
        {
            return dir;
        }
    }

    static Cycle walk(final Path file) throws JournalException
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
                    // the file ends at a document boundary without Chronicle's end marker: cut there
                    return new Cycle(file, data, -1, 0, new Cut(position, Math.max(0, size - position), first ? -1 : 0, 0));
                }
                final int header = window.intAt(position);
                if (first)
                {
                    if ((header & NOT_COMPLETE) != 0 || (header & META_DATA) == 0)
                    {
                        throw new JournalException(JournalException.Kind.CORRUPT,
                            file + ": unreadable Chronicle Queue file header (" + Integer.toHexString(header) + ")");
                    }
                    if (position + Integer.BYTES + (header & LENGTH_MASK) > size)
                    {
                        return new Cycle(file, 0, -1, 0, new Cut(0, size, -1, 0));
                    }
                    first = false;
                }
                if (header == END_OF_FILE)
                {
                    return new Cycle(file, data, -1, 0, null);
                }
                if (header == 0)
                {
                    // Chronicle writes a document's header last: a writer killed mid-document leaves a zero header before its bytes
                    final int torn = tornRecords(window, position + Integer.BYTES, size);
                    return new Cycle(file, data, torn > 0 ? position : -1, torn, null);
                }
                if ((header & NOT_COMPLETE) != 0)
                {
                    final int torn = (header & META_DATA) != 0 ? 0 : Math.max(1, tornRecords(window, position + Integer.BYTES, size));
                    return new Cycle(file, data, position, torn, null);
                }
                final long length = header & LENGTH_MASK;
                if (position + Integer.BYTES + length > size)
                {
                    final int records = (header & META_DATA) != 0 ? 0 : tornRecords(window, position + Integer.BYTES, size);
                    return new Cycle(file, data, -1, 0, new Cut(position, size - position, Integer.BYTES + length, records));
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

    /** Receives a data document's bytes, valid only during the call. */
    @FunctionalInterface
    interface DocumentSink
    {
        void accept(byte[] bytes, int length) throws JournalException;
    }

    /**
     * Reads a cycle's complete data documents with plain reads, never mapping the file: for a damaged
     * journal, which Chronicle would fault on. Stops where {@link #walk} found the chain's end.
     */
    static void readData(final Cycle cycle, final DocumentSink sink) throws JournalException
    {
        try (FileChannel channel = FileChannel.open(cycle.file(), StandardOpenOption.READ))
        {
            final Window window = new Window(channel);
            byte[] bytes = new byte[WINDOW];
            long position = 0;
            long seen = 0;
            while (seen < cycle.dataDocuments())
            {
                position = (position + 3) & ~3L;
                final int header = window.intAt(position);
                final int length = header & LENGTH_MASK;
                if ((header & META_DATA) == 0)
                {
                    if (length > bytes.length)
                    {
                        bytes = new byte[Math.max(length, bytes.length * 2)];
                    }
                    final ByteBuffer target = ByteBuffer.wrap(bytes, 0, length);
                    while (target.hasRemaining())
                    {
                        if (channel.read(target, position + Integer.BYTES + target.position()) < 0)
                        {
                            throw new IOException("short read at " + position);
                        }
                    }
                    seen++;
                    sink.accept(bytes, length);
                }
                position += Integer.BYTES + length;
            }
        }
        catch (final IOException e)
        {
            if (e instanceof JournalException j)
            {
                throw j;
            }
            throw new JournalException(JournalException.Kind.CORRUPT, "cannot read " + cycle.file() + ": " + e);
        }
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
