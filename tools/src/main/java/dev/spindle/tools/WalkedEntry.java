package dev.spindle.tools;

import java.nio.file.Path;

/**
 * The attachment of every item the walker submits: the path as the walker met it (for reports,
 * kept as a Path so names that are not valid UTF-8 keep their bytes) and, when the walker has
 * already judged the entry (FIFO, dangling symlink...), the reason it fails without being opened.
 * A walker that consulted the ML cache also leaves what it found: the content hash the cache holds
 * for the file as it was at that mtime (null if none), so the worker need not ask again.
 */
record WalkedEntry(Path seen, String failureReason, long mtimeMillis, byte[] cachedHash)
{
    static WalkedEntry toProcess(final Path seen)
    {
        return new WalkedEntry(seen, null, -1, null);
    }

    static WalkedEntry failed(final Path seen, final String reason)
    {
        return new WalkedEntry(seen, reason, -1, null);
    }

    WalkedEntry withCached(final long mtime, final byte[] hash)
    {
        return new WalkedEntry(seen, failureReason, mtime, hash);
    }

    boolean prejudged()
    {
        return failureReason != null;
    }

    /** The walker's cached hash, if the file still has the size and mtime the walker saw. */
    byte[] cachedHashIfUnchanged(final long walkedSize, final long size, final long mtime)
    {
        return cachedHash != null && walkedSize == size && mtimeMillis == mtime ? cachedHash : null;
    }
}
