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
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Makes a journal directory writable again, under the writer's lock: a damaged journal is rebuilt from
 * the documents that precede the damage (Chronicle cannot append after a cut: its header points past
 * the end), the damaged files moved, not deleted, into {@code damaged-N/}; a journal holding no complete
 * record (a run stopped at start-up) is reset to empty. Rebuilding copies the recovered documents once,
 * streaming, so it costs a read and a write of the journal but never holds it in memory.
 */
public final class JournalRepair
{
    static final String DAMAGED_PREFIX = "damaged-";

    private JournalRepair()
    {
    }

    /** What a rebuild kept and where the damaged files went. */
    public record Rebuilt(long documents, Path damagedFiles)
    {
    }

    /** Rebuilds {@code dir} if a file in it is damaged; null when it is intact (nothing done). */
    public static Rebuilt rebuildIfDamaged(final Path dir) throws IOException
    {
        final WriterLock lock = WriterLock.acquire(dir);
        try
        {
            final JournalFiles.Layout layout = JournalFiles.inspect(dir);
            if (!layout.damaged())
            {
                return null;
            }
            final Path aside = moveQueueFilesAside(dir);
            final JournalFiles.Layout moved = JournalFiles.inspect(aside);
            long documents = 0;
            try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
                ExcerptAppender appender = queue.createAppender())
            {
                queue.tableStorePut(JournalFiles.FORMAT_KEY, JournalFormat.VERSION);
                for (final JournalFiles.Cycle cycle : moved.cycles())
                {
                    JournalFiles.readData(cycle, (bytes, length) ->
                    {
                        try (DocumentContext document = appender.writingDocument())
                        {
                            final Bytes<?> out = document.wire().bytes();
                            out.write(bytes, 0, length);
                        }
                    });
                    documents += cycle.dataDocuments();
                }
            }
            return new Rebuilt(documents, aside);
        }
        finally
        {
            lock.close();
        }
    }

    /**
     * Empties {@code dir} of queue files (and run logs) when they hold no complete record: what a run
     * stopped at start-up leaves. Returns whether it did; false for a directory with records, or with
     * anything that is not a journal's.
     */
    public static boolean resetIfBlank(final Path dir) throws IOException
    {
        if (!blank(dir))
        {
            return false;
        }
        final WriterLock lock;
        try
        {
            lock = WriterLock.acquire(dir);
        }
        catch (final IOException e)
        {
            return false; // a writer is starting in it now: not ours to reset
        }
        try
        {
            if (!blank(dir))
            {
                return false;
            }
            try (Stream<Path> entries = Files.list(dir))
            {
                for (final Path file : entries.filter(p -> !p.getFileName().toString().equals(WriterLock.FILE)).toList())
                {
                    Files.delete(file);
                }
            }
            return true;
        }
        finally
        {
            lock.close();
        }
    }

    private static boolean blank(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir) || !JournalFiles.hasQueueFiles(dir) || !onlyJournalFiles(dir))
        {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir))
        {
            for (final Path file : entries.filter(p -> p.getFileName().toString().endsWith(JournalFiles.CYCLE_SUFFIX)).toList())
            {
                if (holdsData(file))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the directory holds only what a journal writer creates (the lock, queue files, run logs). */
    private static boolean onlyJournalFiles(final Path dir) throws IOException
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.allMatch(p ->
            {
                final String name = p.getFileName().toString();
                return Files.isRegularFile(p) && (name.equals(WriterLock.FILE) || name.equals(JournalFiles.METADATA_FILE)
                    || name.endsWith(JournalFiles.CYCLE_SUFFIX) || name.endsWith(".cq4t") || name.matches("run-\\d+\\.hlog"));
            });
        }
    }

    /**
     * A cycle file with a complete data document, a torn one, or cut short (a truncated file is damage to
     * report, never blank, even at 0 bytes), or one too garbled to tell: kept, to be safe.
     */
    private static boolean holdsData(final Path file) throws IOException
    {
        try
        {
            final JournalFiles.Cycle cycle = JournalFiles.walk(file);
            return cycle.dataDocuments() > 0 || cycle.torn() || cycle.cut() != null;
        }
        catch (final JournalException e)
        {
            // a header never completed (zero, or still flagged incomplete) is a file created at start-up, nothing more
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
            {
                final ByteBuffer first = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(first, 0);
                final int header = first.flip().remaining() < Integer.BYTES ? 0 : first.getInt();
                return header > 0;
            }
        }
    }

    private static Path moveQueueFilesAside(final Path dir) throws IOException
    {
        int n = 1;
        while (Files.exists(dir.resolve(DAMAGED_PREFIX + n)))
        {
            n++;
        }
        final Path aside = Files.createDirectory(dir.resolve(DAMAGED_PREFIX + n));
        final List<Path> moving = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir))
        {
            entries.filter(p -> Files.isRegularFile(p) && (p.getFileName().toString().endsWith(JournalFiles.CYCLE_SUFFIX)
                || p.getFileName().toString().endsWith(".cq4t"))).forEach(moving::add);
        }
        for (final Path file : moving)
        {
            Files.move(file, aside.resolve(file.getFileName()));
        }
        return aside;
    }
}
