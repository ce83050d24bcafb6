package dev.spindle.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;

/**
 * Streams each file once through a fixed per-thread buffer to get its size, line count, SHA-256 and
 * a text/binary sniff, so memory does not grow with file size. Opens only regular files ({@link FileGate}).
 */
public final class StatFileProcessor implements BatchProcessor<FileItem>
{
    static final int BUFFER_BYTES = 64 * 1024;
    static final String VANISHED = FileGate.VANISHED;

    /** Check for a watchdog abandon every this many buffers (4 MiB). */
    private static final int ABANDON_CHECK_BUFFERS = 64;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    @Override
    public void process(final Batch<FileItem> batch)
    {
        final Scratch own = scratch.get();
        for (int i = 0; i < batch.size(); i++)
        {
            if (batch.isAbandoned())
            {
                return;
            }
            final FileItem item = batch.item(i);
            if (!FileGate.settledUnopened(batch, i, item))
            {
                settle(batch, i, item.path(), own);
            }
        }
    }

    private static void settle(final Batch<FileItem> batch, final int index, final Path path, final Scratch own)
    {
        try
        {
            if (FileGate.regularFile(batch, index, path) == null)
            {
                return;
            }
            final FileStats stats = stat(path, own, batch::isAbandoned);
            if (stats != null)
            {
                batch.succeed(index, stats);
            }
        }
        catch (final IOException e)
        {
            batch.fail(index, FileGate.failure(e));
        }
    }

    /** Stats one file on the calling thread; null only when {@code abandoned} turned true mid-file. */
    FileStats stat(final Path path) throws IOException
    {
        return stat(path, scratch.get(), () -> false);
    }

    private static FileStats stat(final Path path, final Scratch own, final BooleanSupplier abandoned) throws IOException
    {
        final MessageDigest digest = own.digest;
        digest.reset();
        long size = 0;
        long newlines = 0;
        byte last = '\n';
        boolean binary = false;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))
        {
            for (int buffers = 0; ; buffers++)
            {
                final int n = fill(channel, own.buffer);
                if (n == 0)
                {
                    break;
                }
                if (buffers == 0)
                {
                    final int sniffed = Math.min(n, TextSniffer.SNIFF_BYTES);
                    binary = TextSniffer.looksBinary(own.bytes, 0, sniffed, n <= TextSniffer.SNIFF_BYTES);
                }
                else if (buffers % ABANDON_CHECK_BUFFERS == 0 && abandoned.getAsBoolean())
                {
                    return null;
                }
                digest.update(own.bytes, 0, n);
                newlines += countNewlines(own.bytes, n);
                last = own.bytes[n - 1];
                size += n;
                if (n < own.bytes.length)
                {
                    break;
                }
            }
        }
        final long lines = newlines + (size > 0 && last != '\n' ? 1 : 0);
        return new FileStats(size, lines, HexFormat.of().formatHex(digest.digest()), binary);
    }

    /** Reads until the buffer is full or the file ends; returns the bytes read. */
    private static int fill(final FileChannel channel, final ByteBuffer buffer) throws IOException
    {
        buffer.clear();
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) <= 0)
            {
                break;
            }
        }
        return buffer.position();
    }

    private static long countNewlines(final byte[] bytes, final int length)
    {
        long count = 0;
        for (int i = 0; i < length; i++)
        {
            if (bytes[i] == '\n')
            {
                count++;
            }
        }
        return count;
    }

    static String reasonOf(final IOException e)
    {
        if (e instanceof FileSystemException fse && fse.getReason() != null)
        {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static final class Scratch
    {
        final byte[] bytes = new byte[BUFFER_BYTES];
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final MessageDigest digest = sha256();

        private static MessageDigest sha256()
        {
            try
            {
                return MessageDigest.getInstance("SHA-256");
            }
            catch (final NoSuchAlgorithmException e)
            {
                throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
        }
    }
}
