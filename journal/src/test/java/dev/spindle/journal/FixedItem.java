package dev.spindle.journal;

/** A plain, reusable engine item for the journal's tests: what a journal records of it, and nothing else. */
final class FixedItem
{
    static final ItemIdentity<FixedItem> IDENTITY = new ItemIdentity<>()
    {
        @Override
        public long id(final FixedItem item)
        {
            return item.id;
        }

        @Override
        public String key(final FixedItem item)
        {
            return item.key;
        }

        @Override
        public long sizeBytes(final FixedItem item)
        {
            return item.sizeBytes;
        }
    };

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
}
