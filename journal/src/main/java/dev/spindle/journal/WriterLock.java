package dev.spindle.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per journal at a time, across processes: an OS lock on {@code journal.lock} in the journal
 * directory, held from open to close. Chronicle would let two appenders interleave their documents, and
 * two runs' records interleaved are not two runs; the OS drops the lock of a killed writer, so a crash
 * never leaves the journal locked.
 */
final class WriterLock implements AutoCloseable
{
    static final String FILE = "journal.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    static WriterLock acquire(final Path dir) throws IOException
    {
        final FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try
        {
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new IOException("journal " + dir + " is being written by another process");
            }
            return new WriterLock(channel, lock);
        }
        catch (final OverlappingFileLockException e)
        {
            channel.close();
            throw new IOException("journal " + dir + " is already open for writing in this process");
        }
        catch (final IOException | RuntimeException e)
        {
            channel.close();
            throw e;
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
            channel.close();
        }
    }
}
