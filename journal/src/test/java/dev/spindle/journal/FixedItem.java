package dev.spindle.journal;

import dev.spindle.engine.Item;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** A plain, reusable {@link Item} for driving a tap directly, as the engine's reused slots do. */
final class FixedItem implements Item
{
    long id;
    String key;
    long sizeBytes;

    FixedItem set(final long id, final String key, final long sizeBytes)
    {
        this.id = id;
        this.key = key;
        this.sizeBytes = sizeBytes;
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
        return null;
    }

    @Override
    public ByteBuffer payload()
    {
        return null;
    }

    @Override
    public long sizeBytes()
    {
        return sizeBytes;
    }

    @Override
    public long contentLength()
    {
        return sizeBytes;
    }

    @Override
    public List<String> categories()
    {
        return List.of();
    }

    @Override
    public int flags()
    {
        return 0;
    }

    @Override
    public long deadlineNanos()
    {
        return NO_DEADLINE;
    }

    @Override
    public Object attachment()
    {
        return null;
    }
}
