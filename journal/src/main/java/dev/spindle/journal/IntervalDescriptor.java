package dev.spindle.journal;

/**
 * One closed metrics interval ({@link RecordedInterval}): the scalars, then the queue-wait,
 * batch-service, item-service and end-to-end histograms, each its max value (long), an int length and
 * HdrHistogram's compressed encoding ({@code encodeIntoCompressedByteBuffer}). The max lets the writer
 * put the encoding into the hlog as it is, without decoding and re-encoding it.
 */
final class IntervalDescriptor
{
    static final int TYPE = 8;
    static final int INDEX_OFFSET = 0;
    static final int START_NANOS_OFFSET = 8;
    static final int LENGTH_NANOS_OFFSET = 16;
    static final int ARRIVED_OFFSET = 24;
    static final int COMPLETED_OFFSET = 32;
    static final int BATCHES_OFFSET = 40;
    static final int UTILIZATION_OFFSET = 48;
    static final int BACKLOG_OFFSET = 56;
    static final int ACTIVE_WORKERS_OFFSET = 64;
    static final int HISTOGRAMS_OFFSET = 68;
    static final int HISTOGRAM_COUNT = 4;
    /** Before each histogram's encoding: its max value (long), then the encoding's length (int). */
    static final int HISTOGRAM_HEADER_LENGTH = Long.BYTES + Integer.BYTES;
    /** hlog tags, in record order. */
    static final String[] HISTOGRAM_TAGS = {"queueWait", "batchService", "itemService", "endToEnd"};

    private IntervalDescriptor()
    {
    }

    static int length(final int queueWait, final int batchService, final int itemService, final int endToEnd)
    {
        return HISTOGRAMS_OFFSET + HISTOGRAM_COUNT * HISTOGRAM_HEADER_LENGTH + queueWait + batchService + itemService + endToEnd;
    }
}
