package dev.spindle.journal;

/** A worker started a batch; cpu is its pinned CPU or -1. */
final class BatchStartedDescriptor
{
    static final int TYPE = 5;
    static final int BATCH_ID_OFFSET = 0;
    static final int NANOS_OFFSET = 8;
    static final int WORKER_OFFSET = 16;
    static final int CPU_OFFSET = 20;
    static final int LENGTH = 24;

    private BatchStartedDescriptor()
    {
    }
}
