package dev.spindle.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer per journal at a time, across processes: an OS lock on {@code journal.lock} in the journal
 * directory, held from open to close. Chronicle would let two appenders interleave their documents, and
 * two runs' records interleaved are not two runs; the OS drops the lock of a killed writer, so a crash
 * never leaves the journal locked. Readers ({@code top}, {@code replay}) ask whether a writer is alive by
 * taking the lock for an instant, so a writer retries for a moment before it calls the journal taken; and
 * since closing any channel on a file drops this process's locks on it, a journal this JVM writes is
 * answered from memory, never probed.
 */
final class WriterLock implements AutoCloseable
{
    static final String FILE = "journal.lock";

    private static final long ACQUIRE_PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path key;

    private WriterLock(final FileChannel channel, final FileLock lock, final Path key)
    {
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    static WriterLock acquire(final Path dir) throws IOException
    {
        final Path key = key(dir);
        if (!HELD_HERE.add(key))
        {
            throw new JournalException(JournalException.Kind.TAKEN, "journal " + dir + " is already open for writing in this process");
        }
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final long deadline = System.nanoTime() + ACQUIRE_PATIENCE_NANOS;
            FileLock lock;
            while ((lock = channel.tryLock()) == null)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new JournalException(JournalException.Kind.TAKEN, "journal " + dir + " is being written by another process");
                }
                LockSupport.parkNanos(RETRY_NANOS); // a reader's probe holds it for an instant; a writer for its whole run
            }
            return new WriterLock(channel, lock, key);
        }
        catch (final OverlappingFileLockException e)
        {
            close(channel, key);
            throw new JournalException(JournalException.Kind.TAKEN, "journal " + dir + " is already open for writing in this process");
        }
        catch (final IOException | RuntimeException e)
        {
            close(channel, key);
            throw e;
        }
    }

    /**
     * True while a live process (this one included) holds the journal's writer lock. A journal without a
     * lock file has no writer; one whose lock file this process may not read is assumed written.
     */
    static boolean held(final Path dir) throws IOException
    {
        if (HELD_HERE.contains(key(dir)))
        {
            return true;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ))
        {
            final FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null)
            {
                return true;
            }
            probe.release();
            return false;
        }
        catch (final NoSuchFileException e)
        {
            return false;
        }
        catch (final AccessDeniedException | OverlappingFileLockException e)
        {
            return true;
        }
    }

    private static Path key(final Path dir)
    {
        return dir.toAbsolutePath().normalize();
    }

    private static void close(final FileChannel channel, final Path key) throws IOException
    {
        HELD_HERE.remove(key);
        if (channel != null)
        {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            lock.release();
        }
        finally
        {
            close(channel, key);
        }
    }
}
