package dev.spindle.engine;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fields of one item as the engine carries it, filled in by the producer from its
 * {@link WorkItem} straight into a preallocated slot.
 */
abstract class ItemFields implements Item
{
    long id;
    String key;
    Path path;
    ByteBuffer payload;
    long sizeBytes;
    long contentLength;
    List<String> categories;
    int flags;
    long deadlineNanos;
    Object attachment;
    long submitNanos;
    CompletableFuture<ItemResult> future;

    final void copyFrom(final Item item)
    {
        id = item.id();
        key = item.key();
        path = item.path();
        payload = item.payload();
        sizeBytes = item.sizeBytes();
        contentLength = item.contentLength();
        categories = item.categories();
        flags = item.flags();
        deadlineNanos = item.deadlineNanos();
        attachment = item.attachment();
    }

    /** Drops references so a reused slot does not keep the caller's objects alive. */
    void clearReferences()
    {
        key = null;
        path = null;
        payload = null;
        categories = null;
        attachment = null;
        future = null;
    }

    @Override
    public final long id()
    {
        return id;
    }

    @Override
    public final String key()
    {
        return key;
    }

    @Override
    public final Path path()
    {
        return path;
    }

    @Override
    public final ByteBuffer payload()
    {
        return payload;
    }

    @Override
    public final long sizeBytes()
    {
        return sizeBytes;
    }

    @Override
    public final long contentLength()
    {
        return contentLength;
    }

    @Override
    public final List<String> categories()
    {
        return categories;
    }

    @Override
    public final int flags()
    {
        return flags;
    }

    @Override
    public final long deadlineNanos()
    {
        return deadlineNanos;
    }

    @Override
    public final Object attachment()
    {
        return attachment;
    }

    @Override
    public String toString()
    {
        return getClass().getSimpleName() + "{id=" + id + ", key=" + key + '}';
    }
}
