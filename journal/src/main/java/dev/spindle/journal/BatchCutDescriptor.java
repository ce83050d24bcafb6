package dev.spindle.journal;

import dev.spindle.engine.CloseReason;

/**
 * A batch the cutter closed: its items' ids in batch order, its complexity and why it closed. When the
 * ids are consecutive (a FIFO lane fed in id order: the common case) only the first is stored, flagged
 * {@link #CONSECUTIVE}: a per-item 8 bytes saved for one scan of the ids before the ring claim. Close
 * reasons are stored as the fixed byte codes below, not enum ordinals.
 */
final class BatchCutDescriptor
{
    static final int TYPE = 4;
    static final int BATCH_ID_OFFSET = 0;
    static final int CUT_NANOS_OFFSET = 8;
    static final int COMPLEXITY_OFFSET = 16;
    static final int CLOSE_REASON_OFFSET = 24;
    static final int FLAGS_OFFSET = 25;
    static final int ITEM_COUNT_OFFSET = 28;
    /** The ids, or with {@link #CONSECUTIVE} the first of them. */
    static final int ITEM_IDS_OFFSET = 32;
    /** Flag: the batch holds ids first, first + 1, ..., first + count - 1. */
    static final int CONSECUTIVE = 1;

    private static final CloseReason[] BY_CODE = {CloseReason.BUDGET, CloseReason.COUNT, CloseReason.LINGER, CloseReason.IDLE_WORKER,
        CloseReason.DEADLINE, CloseReason.DRAIN};

    private BatchCutDescriptor()
    {
    }

    static int length(final int items, final boolean consecutive)
    {
        return ITEM_IDS_OFFSET + (consecutive ? 1 : items) * Long.BYTES;
    }

    static int code(final CloseReason reason)
    {
        switch (reason)
        {
            case BUDGET:
                return 0;
            case COUNT:
                return 1;
            case LINGER:
                return 2;
            case IDLE_WORKER:
                return 3;
            case DEADLINE:
                return 4;
            case DRAIN:
                return 5;
            default:
                throw new IllegalArgumentException("no journal code for " + reason);
        }
    }

    /** Null for a code this format does not define. */
    static CloseReason reason(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
