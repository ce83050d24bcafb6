package dev.spindle.journal;

/**
 * The cutter took an item off the ring: complexity NaN, priority and lane -1 if it was never scored.
 * Priority (0-100) and lane (a few) are bytes and the key's length a short: this record is half of
 * every item's journal bytes, and bytes are what the writer pays for in copies and page faults.
 */
final class ItemSubmittedDescriptor
{
    static final int TYPE = 2;
    static final int ID_OFFSET = 0;
    static final int SIZE_BYTES_OFFSET = 8;
    static final int COMPLEXITY_OFFSET = 16;
    static final int SUBMIT_NANOS_OFFSET = 24;
    static final int PRIORITY_OFFSET = 32;
    static final int LANE_OFFSET = 33;
    static final int KEY_OFFSET = 34;

    private ItemSubmittedDescriptor()
    {
    }

    static int length(final int keyBytes)
    {
        return KEY_OFFSET + Utf8.fieldSize(keyBytes);
    }
}
