package dev.spindle.engine;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Read-only view of one work item, as scorers, processors and outcome listeners see it.
 * <p>
 * Views handed out by the engine are backed by reused slots: they are valid only for the duration
 * of the call that received them. Copy what you need to keep.
 */
public interface Item
{
    int HAS_EMBEDDING = 1;
    int ANALYZED = 1 << 1;
    int USER_REQUESTED = 1 << 2;
    int RECENTLY_ACCESSED = 1 << 3;

    long NO_DEADLINE = Long.MAX_VALUE;

    long id();

    /** The caller's key: the path as text for files, or any caller-chosen name. */
    String key();

    /** The file to process, or {@code null} when the item carries an in-memory payload. */
    Path path();

    /** The in-memory payload, or {@code null} when the item names a file. */
    ByteBuffer payload();

    long sizeBytes();

    long contentLength();

    List<String> categories();

    int flags();

    default boolean hasFlag(final int flag)
    {
        return (flags() & flag) != 0;
    }

    /** Absolute deadline on the {@link System#nanoTime()} clock, or {@link #NO_DEADLINE}. */
    long deadlineNanos();

    Object attachment();
}
