package dev.spindle.journal;

/**
 * A run's first record ({@link RunHeader}): the format version, every {@code RunInfo} field and what
 * drove the run. Always the first record of its frame, so opening a journal for append counts runs by
 * peeking at frame heads. Texts in order: spindle version, backpressure, wait mode, pinning, tuning,
 * jvm, command, source, processor, from format version 2 dispatch (who cut the batches and why;
 * a version 1 header reads as {@link #UNKNOWN_DISPATCH}) and from version 4 the run's settings (the
 * caller's text; an older header reads as empty).
 */
final class RunHeaderDescriptor
{
    static final int TYPE = 1;
    static final int FORMAT_VERSION_OFFSET = 0;
    static final int RESUME_OF_OFFSET = 4;
    static final int START_EPOCH_MILLIS_OFFSET = 8;
    static final int START_NANOS_OFFSET = 16;
    static final int COMPLEXITY_BUDGET_OFFSET = 24;
    static final int MAX_LINGER_NANOS_OFFSET = 32;
    static final int AGING_BOUND_NANOS_OFFSET = 40;
    static final int DEADLINE_SLACK_NANOS_OFFSET = 48;
    static final int BATCH_TIMEOUT_NANOS_OFFSET = 56;
    static final int INTERVAL_NANOS_OFFSET = 64;
    static final int MAX_HEAP_BYTES_OFFSET = 72;
    static final int WORKERS_OFFSET = 80;
    static final int RING_SIZE_OFFSET = 84;
    static final int STAGING_CAPACITY_OFFSET = 88;
    static final int MAX_BATCH_ITEMS_OFFSET = 92;
    static final int CORES_OFFSET = 96;
    static final int TEXTS_OFFSET = 100;
    /** Texts of a version 1 header; version 2 added the dispatch, version 4 the run's settings. */
    static final int TEXT_COUNT_V1 = 9;
    static final int TEXT_COUNT_V2 = 10;
    static final int TEXT_COUNT = 11;
    static final int DISPATCH_SINCE_VERSION = 2;
    static final int SETTINGS_SINCE_VERSION = 4;
    static final String UNKNOWN_DISPATCH = "unknown";

    private RunHeaderDescriptor()
    {
    }

    static int textCount(final int formatVersion)
    {
        if (formatVersion >= SETTINGS_SINCE_VERSION)
        {
            return TEXT_COUNT;
        }
        return formatVersion >= DISPATCH_SINCE_VERSION ? TEXT_COUNT_V2 : TEXT_COUNT_V1;
    }
}
