package dev.spindle.engine;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A mutable description of one unit of work, filled in by the caller and copied into the ring on
 * submission. A producer may reuse one instance for every submission: nothing keeps a reference to
 * it after {@code submit} returns (the categories list and the attachment are shared, not copied).
 */
public final class WorkItem implements Item
{
    private long id;
    private String key = "";
    private Path path;
    private ByteBuffer payload;
    private long sizeBytes;
    private long contentLength;
    private List<String> categories = List.of();
    private int flags;
    private long deadlineNanos = NO_DEADLINE;
    private Object attachment;

    public static WorkItem ofPath(final long id, final Path path, final long sizeBytes)
    {
        return new WorkItem().id(id).path(path).key(path.toString()).sizeBytes(sizeBytes);
    }

    public static WorkItem ofPayload(final long id, final String key, final byte[] payload)
    {
        return new WorkItem().id(id).key(key).payload(ByteBuffer.wrap(payload).asReadOnlyBuffer())
            .sizeBytes(payload.length).contentLength(payload.length);
    }

    /** Clears every field so the instance can describe a new item. */
    public WorkItem reset()
    {
        id = 0;
        key = "";
        path = null;
        payload = null;
        sizeBytes = 0;
        contentLength = 0;
        categories = List.of();
        flags = 0;
        deadlineNanos = NO_DEADLINE;
        attachment = null;
        return this;
    }

    public WorkItem id(final long id)
    {
        this.id = id;
        return this;
    }

    public WorkItem key(final String key)
    {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    public WorkItem path(final Path path)
    {
        this.path = path;
        return this;
    }

    public WorkItem payload(final ByteBuffer payload)
    {
        this.payload = payload;
        return this;
    }

    public WorkItem sizeBytes(final long sizeBytes)
    {
        if (sizeBytes < 0)
        {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        this.sizeBytes = sizeBytes;
        return this;
    }

    public WorkItem contentLength(final long contentLength)
    {
        if (contentLength < 0)
        {
            throw new IllegalArgumentException("contentLength must be >= 0, was " + contentLength);
        }
        this.contentLength = contentLength;
        return this;
    }

    public WorkItem categories(final List<String> categories)
    {
        this.categories = Objects.requireNonNull(categories, "categories");
        return this;
    }

    public WorkItem flags(final int flags)
    {
        this.flags = flags;
        return this;
    }

    public WorkItem flag(final int flag, final boolean on)
    {
        this.flags = on ? flags | flag : flags & ~flag;
        return this;
    }

    /** Absolute deadline on the {@link System#nanoTime()} clock; {@link #NO_DEADLINE} for none. */
    public WorkItem deadlineNanos(final long deadlineNanos)
    {
        this.deadlineNanos = deadlineNanos;
        return this;
    }

    public WorkItem deadlineIn(final Duration timeout)
    {
        return deadlineNanos(System.nanoTime() + timeout.toNanos());
    }

    public WorkItem attachment(final Object attachment)
    {
        this.attachment = attachment;
        return this;
    }

    @Override
    public long id()
    {
        return id;
    }

    @Override
    public String key()
    {
        return key;
    }

    @Override
    public Path path()
    {
        return path;
    }

    @Override
    public ByteBuffer payload()
    {
        return payload;
    }

    @Override
    public long sizeBytes()
    {
        return sizeBytes;
    }

    @Override
    public long contentLength()
    {
        return contentLength;
    }

    @Override
    public List<String> categories()
    {
        return categories;
    }

    @Override
    public int flags()
    {
        return flags;
    }

    @Override
    public long deadlineNanos()
    {
        return deadlineNanos;
    }

    @Override
    public Object attachment()
    {
        return attachment;
    }

    @Override
    public String toString()
    {
        return "WorkItem{id=" + id + ", key=" + key + ", size=" + sizeBytes + '}';
    }
}
