package dev.spindle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --out DIR} and {@code --json FILE} belong to one run at a time: an OS lock on {@code DIR/.spindle.lock}
 * and on {@code FILE.lock}, held for the whole run, so a second run is refused before it writes a byte
 * instead of interleaving lines into the first one's index. The lock files stay behind (deleting one would
 * let two runs lock two different files); the OS drops a killed run's lock. Closing any channel on a file
 * drops all of this process's locks on it, so a lock this JVM holds is known from memory, never re-opened.
 */
final class OutputLocks implements AutoCloseable
{
    static final String IN_OUT_DIR = ".spindle.lock";
    static final String JSON_SUFFIX = ".lock";

    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    /** What runs while the locks are held. */
    @FunctionalInterface
    interface Body
    {
        int run() throws IOException;
    }

    /** Another run holds one of the outputs. */
    static final class Busy extends Exception
    {
        private static final long serialVersionUID = 1L;

        Busy(final String message)
        {
            super(message);
        }
    }

    private record Held(Path key, FileChannel channel, FileLock lock)
    {
    }

    private final List<Held> held = new ArrayList<>(2);

    private OutputLocks()
    {
    }

    /**
     * Runs {@code body} holding the locks of {@code out} and {@code json} (either may be null); when another
     * run holds one, prints one line and returns {@link ExitCodes#USAGE} without running it.
     */
    static int holding(final Path out, final Path json, final PrintWriter err, final String command, final Body body) throws IOException
    {
        final OutputLocks locks = new OutputLocks();
        try
        {
            if (out != null)
            {
                Files.createDirectories(out);
                locks.take(out.resolve(IN_OUT_DIR), "--out " + out);
            }
            if (json != null)
            {
                final Path file = json.toAbsolutePath();
                locks.take(file.resolveSibling(file.getFileName() + JSON_SUFFIX), "--json " + json);
            }
        }
        catch (final Busy e)
        {
            locks.close();
            err.println(command + ": " + PathText.escape(e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        catch (final IOException | RuntimeException e)
        {
            locks.close();
            throw e;
        }
        try (locks)
        {
            return body.run();
        }
    }

    private void take(final Path lockFile, final String what) throws IOException, Busy
    {
        final Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD_HERE.add(key))
        {
            throw new Busy(what + " is in use by another run in this process");
        }
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new Busy(what + " is being written by another spindle process (it holds " + lockFile
                    + "); wait for that run to end or choose another");
            }
            held.add(new Held(key, channel, lock));
        }
        catch (final OverlappingFileLockException e)
        {
            release(key, channel);
            throw new Busy(what + " is in use by another run in this process");
        }
        catch (final Busy | IOException | RuntimeException e)
        {
            release(key, channel);
            throw e;
        }
    }

    private static void release(final Path key, final FileChannel channel) throws IOException
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
        IOException failure = null;
        for (final Held h : held)
        {
            try
            {
                h.lock().release();
                h.channel().close();
            }
            catch (final IOException e)
            {
                failure = failure == null ? e : failure;
            }
            finally
            {
                HELD_HERE.remove(h.key());
            }
        }
        held.clear();
        if (failure != null)
        {
            throw failure;
        }
    }
}
