package dev.spindle.journal.replay;

import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.journal.ItemIdentity;
import java.nio.file.Path;

/**
 * The item a replay's engine carries: one ring slot's copy of a recorded item's id, key, size and
 * scores, and a reference to its {@link ReplaySlot} for everything else (recorded service time, fate,
 * intended send time). Filled in place by {@link #FROM_SLOT}, so a replayed publish allocates nothing.
 * Processors see the recorded values through the accessors; {@link #path()} is the key read as a
 * path for a recording of files, else null.
 */
public final class ReplayItem
{
    /** What the journal records of a replayed item: its recorded id, key and size. */
    public static final ItemIdentity<ReplayItem> IDENTITY = new ItemIdentity<>()
    {
        @Override
        public long id(final ReplayItem item)
        {
            return item.id;
        }

        @Override
        public String key(final ReplayItem item)
        {
            return item.key;
        }

        @Override
        public long sizeBytes(final ReplayItem item)
        {
            return item.sizeBytes;
        }
    };

    static final ItemTranslatorOneArg<ReplayItem, ReplaySlot> FROM_SLOT = ReplayItem::set;

    private long id;
    private String key;
    private long sizeBytes;
    private double complexity;
    private int priority;
    private ReplaySlot slot;

    private void set(final ReplaySlot from)
    {
        id = from.id;
        key = from.key;
        sizeBytes = from.sizeBytes;
        complexity = from.complexity;
        priority = from.priority;
        slot = from;
    }

    public long id()
    {
        return id;
    }

    public String key()
    {
        return key;
    }

    public long sizeBytes()
    {
        return sizeBytes;
    }

    /** The complexity the recording's cost function charged (a stand-in where it never scored the item). */
    public double complexity()
    {
        return complexity;
    }

    public int priority()
    {
        return priority;
    }

    /** The recorded key as a path, for a recording of files; null otherwise or when the key is no path. */
    public Path path()
    {
        return slot == null ? null : slot.path;
    }

    /** Null until the item is first translated. */
    ReplaySlot slot()
    {
        return slot;
    }

    @Override
    public String toString()
    {
        return "ReplayItem{id=" + id + ", key=" + key + ", complexity=" + complexity + ", priority=" + priority + '}';
    }
}
