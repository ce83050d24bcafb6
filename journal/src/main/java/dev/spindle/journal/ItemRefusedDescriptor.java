package dev.spindle.journal;

/** An item refused at the door (backpressure, closed engine): read back as submitted, then REJECTED. */
final class ItemRefusedDescriptor
{
    static final int TYPE = 3;
    static final int ID_OFFSET = 0;
    static final int SIZE_BYTES_OFFSET = 8;
    static final int NANOS_OFFSET = 16;
    /** The key's text field, then the reason's. */
    static final int KEY_OFFSET = 24;

    private ItemRefusedDescriptor()
    {
    }

    static int length(final int keyBytes, final int reasonBytes)
    {
        return KEY_OFFSET + Utf8.fieldSize(keyBytes) + Utf8.fieldSize(reasonBytes);
    }
}
