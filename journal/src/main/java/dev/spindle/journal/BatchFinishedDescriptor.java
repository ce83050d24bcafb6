package dev.spindle.journal;

/**
 * A worker finished a batch. Flags: {@link #BISECTED} when the processor threw and the batch was split,
 * {@link #ALL_SUCCEEDED} when every item succeeded — then no outcome record follows for its items.
 */
final class BatchFinishedDescriptor
{
    static final int TYPE = 6;
    static final int BATCH_ID_OFFSET = 0;
    static final int START_NANOS_OFFSET = 8;
    static final int END_NANOS_OFFSET = 16;
    static final int WORKER_OFFSET = 24;
    static final int FLAGS_OFFSET = 28;
    static final int BISECTED = 1;
    static final int ALL_SUCCEEDED = 2;
    static final int LENGTH = 32;

    private BatchFinishedDescriptor()
    {
    }
}
