package dev.spindle.journal;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;

/**
 * Reads a frame's records back into a {@link RunAssembler}. A frame is applied whole or not at all:
 * {@link #frame} first checks every record (each length, type, code and text bound, each histogram
 * decoded) and only then replays them, so a garbled frame is skipped as a unit at the cost of parsing a
 * good one twice. The frame must be a heap buffer (HdrHistogram decodes from its array).
 */
final class RecordDecoder
{
    private RecordDecoder()
    {
    }

    /** A record that does not parse; no stack trace, the message says where and why. */
    static final class GarbledException extends Exception
    {
        private static final long serialVersionUID = 1L;

        GarbledException(final String message)
        {
            super(message, null, false, false);
        }
    }

    /** Checks, then applies to {@code sink}, the records of the frame held in {@code frame[0, length)}. */
    static void frame(final DirectBuffer frame, final int length, final RunAssembler sink) throws GarbledException
    {
        records(frame, length, null);
        records(frame, length, sink);
    }

    /** The type of the frame's first record, or -1 if it has none. */
    static int firstType(final DirectBuffer frame, final int length)
    {
        return length >= FrameDescriptor.HEADER_LENGTH + FrameDescriptor.RECORD_HEADER_LENGTH
            ? frame.getInt(FrameDescriptor.HEADER_LENGTH + FrameDescriptor.RECORD_TYPE_OFFSET) : -1;
    }

    private static void records(final DirectBuffer b, final int length, final RunAssembler sink) throws GarbledException
    {
        final int declared = b.getInt(FrameDescriptor.RECORD_COUNT_OFFSET);
        final int payload = b.getInt(FrameDescriptor.PAYLOAD_LENGTH_OFFSET);
        if (payload < 0 || payload > length - FrameDescriptor.HEADER_LENGTH)
        {
            throw new GarbledException("frame payload of " + payload + " bytes in a document of " + length);
        }
        final int end = FrameDescriptor.HEADER_LENGTH + payload;
        int at = FrameDescriptor.HEADER_LENGTH;
        int count = 0;
        while (at < end)
        {
            if (end - at < FrameDescriptor.RECORD_HEADER_LENGTH)
            {
                throw new GarbledException("record header cut off at frame offset " + at);
            }
            final int recordLength = b.getInt(at + FrameDescriptor.RECORD_LENGTH_OFFSET);
            final int type = b.getInt(at + FrameDescriptor.RECORD_TYPE_OFFSET);
            if (recordLength < FrameDescriptor.RECORD_HEADER_LENGTH || recordLength > end - at)
            {
                throw new GarbledException("record length " + recordLength + " at frame offset " + at);
            }
            record(type, b, at + FrameDescriptor.RECORD_HEADER_LENGTH, recordLength - FrameDescriptor.RECORD_HEADER_LENGTH, sink);
            count++;
            at += FrameDescriptor.align(recordLength);
        }
        if (count != declared)
        {
            throw new GarbledException("frame holds " + count + " records, its header says " + declared);
        }
    }

    private static void record(final int type, final DirectBuffer b, final int i, final int length, final RunAssembler sink)
        throws GarbledException
    {
        switch (type)
        {
            case ItemSubmittedDescriptor.TYPE:
                itemSubmitted(b, i, length, sink);
                break;
            case ItemOutcomeDescriptor.TYPE:
                itemOutcome(b, i, length, sink);
                break;
            case BatchCutDescriptor.TYPE:
                batchCut(b, i, length, sink);
                break;
            case BatchStartedDescriptor.TYPE:
                fixed(type, length, BatchStartedDescriptor.LENGTH);
                if (sink != null)
                {
                    sink.batchStarted(b.getLong(i + BatchStartedDescriptor.BATCH_ID_OFFSET), b.getInt(i + BatchStartedDescriptor.WORKER_OFFSET),
                        b.getInt(i + BatchStartedDescriptor.CPU_OFFSET), b.getLong(i + BatchStartedDescriptor.NANOS_OFFSET));
                }
                break;
            case BatchFinishedDescriptor.TYPE:
                fixed(type, length, BatchFinishedDescriptor.LENGTH);
                if (sink != null)
                {
                    sink.batchFinished(b.getLong(i + BatchFinishedDescriptor.BATCH_ID_OFFSET), b.getInt(i + BatchFinishedDescriptor.WORKER_OFFSET),
                        b.getLong(i + BatchFinishedDescriptor.START_NANOS_OFFSET), b.getLong(i + BatchFinishedDescriptor.END_NANOS_OFFSET),
                        (b.getInt(i + BatchFinishedDescriptor.FLAGS_OFFSET) & BatchFinishedDescriptor.BISECTED) != 0,
                        (b.getInt(i + BatchFinishedDescriptor.FLAGS_OFFSET) & BatchFinishedDescriptor.ALL_SUCCEEDED) != 0);
                }
                break;
            case ItemRefusedDescriptor.TYPE:
                itemRefused(b, i, length, sink);
                break;
            case RunHeaderDescriptor.TYPE:
                runHeader(b, i, length, sink);
                break;
            case IntervalDescriptor.TYPE:
                interval(b, i, length, sink);
                break;
            case DecisionDescriptor.TYPE:
                decision(b, i, length, sink);
                break;
            case RunFooterDescriptor.TYPE:
                if (length != RunFooterDescriptor.LENGTH_V2 && length != RunFooterDescriptor.LENGTH_V5 && length != RunFooterDescriptor.LENGTH_V6)
                {
                    fixed(type, length, RunFooterDescriptor.LENGTH);
                }
                if (sink != null)
                {
                    final boolean cpu = length >= RunFooterDescriptor.LENGTH_V5;
                    final boolean compile = length >= RunFooterDescriptor.LENGTH_V6;
                    sink.footer(new RunFooter(b.getLong(i + RunFooterDescriptor.END_NANOS_OFFSET), b.getLong(i + RunFooterDescriptor.SUBMITTED_OFFSET),
                        b.getLong(i + RunFooterDescriptor.SUCCEEDED_OFFSET), b.getLong(i + RunFooterDescriptor.FAILED_OFFSET),
                        b.getLong(i + RunFooterDescriptor.REJECTED_OFFSET), b.getLong(i + RunFooterDescriptor.TIMED_OUT_OFFSET),
                        b.getLong(i + RunFooterDescriptor.BATCHES_OFFSET), b.getDouble(i + RunFooterDescriptor.UTILIZATION_OFFSET),
                        length >= RunFooterDescriptor.LENGTH ? b.getInt(i + RunFooterDescriptor.INTERRUPTED_BY_OFFSET) : 0,
                        cpu ? b.getLong(i + RunFooterDescriptor.PROCESS_CPU_OFFSET) : RunFooter.CPU_UNKNOWN,
                        cpu ? b.getLong(i + RunFooterDescriptor.WORKERS_CPU_OFFSET) : RunFooter.CPU_UNKNOWN,
                        compile ? b.getLong(i + RunFooterDescriptor.COMPILE_OFFSET) : RunFooter.CPU_UNKNOWN));
                }
                break;
            default:
                throw new GarbledException("unknown record type " + type);
        }
    }

    private static void itemSubmitted(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        final int end = i + length;
        exact(ItemSubmittedDescriptor.TYPE, textEnd(b, i + ItemSubmittedDescriptor.KEY_OFFSET, end), end);
        if (sink != null)
        {
            sink.submitted(b.getLong(i + ItemSubmittedDescriptor.ID_OFFSET), text(b, i + ItemSubmittedDescriptor.KEY_OFFSET),
                b.getLong(i + ItemSubmittedDescriptor.SIZE_BYTES_OFFSET), b.getDouble(i + ItemSubmittedDescriptor.COMPLEXITY_OFFSET),
                b.getByte(i + ItemSubmittedDescriptor.PRIORITY_OFFSET), b.getByte(i + ItemSubmittedDescriptor.LANE_OFFSET),
                b.getLong(i + ItemSubmittedDescriptor.SUBMIT_NANOS_OFFSET));
        }
    }

    private static void itemRefused(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        final int end = i + length;
        final int reasonAt = textEnd(b, i + ItemRefusedDescriptor.KEY_OFFSET, end);
        exact(ItemRefusedDescriptor.TYPE, textEnd(b, reasonAt, end), end);
        if (sink != null)
        {
            final long id = b.getLong(i + ItemRefusedDescriptor.ID_OFFSET);
            sink.submitted(id, text(b, i + ItemRefusedDescriptor.KEY_OFFSET), b.getLong(i + ItemRefusedDescriptor.SIZE_BYTES_OFFSET),
                Double.NaN, -1, -1, b.getLong(i + ItemRefusedDescriptor.NANOS_OFFSET));
            sink.outcome(id, Outcome.REJECTED, text(b, reasonAt));
        }
    }

    private static void itemOutcome(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        final int end = i + length;
        exact(ItemOutcomeDescriptor.TYPE, textEnd(b, i + ItemOutcomeDescriptor.REASON_OFFSET, end), end);
        final Outcome outcome = ItemOutcomeDescriptor.outcome(b.getByte(i + ItemOutcomeDescriptor.OUTCOME_OFFSET));
        if (outcome == null)
        {
            throw new GarbledException("unknown outcome code " + b.getByte(i + ItemOutcomeDescriptor.OUTCOME_OFFSET));
        }
        if (sink != null)
        {
            sink.outcome(b.getLong(i + ItemOutcomeDescriptor.ID_OFFSET), outcome, text(b, i + ItemOutcomeDescriptor.REASON_OFFSET));
        }
    }

    private static void batchCut(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        if (length < BatchCutDescriptor.ITEM_IDS_OFFSET)
        {
            throw new GarbledException("batch cut record of " + length + " bytes");
        }
        final int count = b.getInt(i + BatchCutDescriptor.ITEM_COUNT_OFFSET);
        final int flags = b.getByte(i + BatchCutDescriptor.FLAGS_OFFSET);
        final boolean consecutive = (flags & BatchCutDescriptor.CONSECUTIVE) != 0;
        if (count < 0 || (consecutive && count == 0) || (flags & ~BatchCutDescriptor.CONSECUTIVE) != 0
            || (long)BatchCutDescriptor.ITEM_IDS_OFFSET + (long)(consecutive ? 1 : count) * Long.BYTES != length)
        {
            throw new GarbledException("batch cut of " + count + " items (flags " + flags + ") in " + length + " bytes");
        }
        final CloseReason reason = BatchCutDescriptor.reason(b.getByte(i + BatchCutDescriptor.CLOSE_REASON_OFFSET));
        if (reason == null)
        {
            throw new GarbledException("unknown close reason code " + b.getByte(i + BatchCutDescriptor.CLOSE_REASON_OFFSET));
        }
        if (sink != null)
        {
            final long[] ids = new long[count];
            final long first = b.getLong(i + BatchCutDescriptor.ITEM_IDS_OFFSET);
            for (int k = 0; k < count; k++)
            {
                ids[k] = consecutive ? first + k : b.getLong(i + BatchCutDescriptor.ITEM_IDS_OFFSET + k * Long.BYTES);
            }
            sink.batchCut(b.getLong(i + BatchCutDescriptor.BATCH_ID_OFFSET), b.getLong(i + BatchCutDescriptor.CUT_NANOS_OFFSET), ids,
                b.getDouble(i + BatchCutDescriptor.COMPLEXITY_OFFSET), reason);
        }
    }

    private static void runHeader(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        final int end = i + length;
        if (length < RunHeaderDescriptor.TEXTS_OFFSET)
        {
            throw new GarbledException("run header of " + length + " bytes");
        }
        final int version = b.getInt(i + RunHeaderDescriptor.FORMAT_VERSION_OFFSET);
        if (version < 1 || version > JournalFormat.VERSION)
        {
            throw new GarbledException("run header of format version " + version);
        }
        final int[] at = new int[RunHeaderDescriptor.textCount(version)];
        int next = i + RunHeaderDescriptor.TEXTS_OFFSET;
        for (int k = 0; k < at.length; k++)
        {
            at[k] = next;
            next = textEnd(b, next, end);
        }
        exact(RunHeaderDescriptor.TYPE, next, end);
        if (sink != null)
        {
            final RunInfo info = new RunInfo(text(b, at[0]), b.getLong(i + RunHeaderDescriptor.START_EPOCH_MILLIS_OFFSET),
                b.getLong(i + RunHeaderDescriptor.START_NANOS_OFFSET), b.getInt(i + RunHeaderDescriptor.WORKERS_OFFSET),
                b.getInt(i + RunHeaderDescriptor.RING_SIZE_OFFSET), b.getInt(i + RunHeaderDescriptor.STAGING_CAPACITY_OFFSET),
                b.getDouble(i + RunHeaderDescriptor.COMPLEXITY_BUDGET_OFFSET), b.getInt(i + RunHeaderDescriptor.MAX_BATCH_ITEMS_OFFSET),
                b.getLong(i + RunHeaderDescriptor.MAX_LINGER_NANOS_OFFSET), b.getLong(i + RunHeaderDescriptor.AGING_BOUND_NANOS_OFFSET),
                b.getLong(i + RunHeaderDescriptor.DEADLINE_SLACK_NANOS_OFFSET), b.getLong(i + RunHeaderDescriptor.BATCH_TIMEOUT_NANOS_OFFSET),
                text(b, at[1]), text(b, at[2]), text(b, at[3]), b.getLong(i + RunHeaderDescriptor.INTERVAL_NANOS_OFFSET), text(b, at[4]),
                b.getInt(i + RunHeaderDescriptor.CORES_OFFSET), b.getLong(i + RunHeaderDescriptor.MAX_HEAP_BYTES_OFFSET), text(b, at[5]),
                at.length > RunHeaderDescriptor.TEXT_COUNT_V1 ? text(b, at[9]) : RunHeaderDescriptor.UNKNOWN_DISPATCH);
            sink.header(new RunHeader(version, info, text(b, at[6]), text(b, at[7]), text(b, at[8]),
                b.getInt(i + RunHeaderDescriptor.RESUME_OF_OFFSET), at.length > RunHeaderDescriptor.TEXT_COUNT_V2 ? text(b, at[10]) : ""));
        }
    }

    private static void interval(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        final int end = i + length;
        final Histogram[] histograms = new Histogram[IntervalDescriptor.HISTOGRAM_COUNT];
        int at = i + IntervalDescriptor.HISTOGRAMS_OFFSET;
        for (int k = 0; k < histograms.length; k++)
        {
            if (at + IntervalDescriptor.HISTOGRAM_HEADER_LENGTH > end)
            {
                throw new GarbledException("interval record cut off in histogram " + k);
            }
            final int n = b.getInt(at + Long.BYTES);
            if (n < 0 || n > end - at - IntervalDescriptor.HISTOGRAM_HEADER_LENGTH)
            {
                throw new GarbledException("interval histogram " + k + " of " + n + " bytes");
            }
            histograms[k] = histogram(b, at + IntervalDescriptor.HISTOGRAM_HEADER_LENGTH, n);
            at += IntervalDescriptor.HISTOGRAM_HEADER_LENGTH + n;
        }
        exact(IntervalDescriptor.TYPE, at, end);
        if (sink != null)
        {
            sink.interval(new RecordedInterval(b.getLong(i + IntervalDescriptor.INDEX_OFFSET), b.getLong(i + IntervalDescriptor.START_NANOS_OFFSET),
                b.getLong(i + IntervalDescriptor.LENGTH_NANOS_OFFSET), b.getLong(i + IntervalDescriptor.ARRIVED_OFFSET),
                b.getLong(i + IntervalDescriptor.COMPLETED_OFFSET), b.getLong(i + IntervalDescriptor.BATCHES_OFFSET),
                b.getDouble(i + IntervalDescriptor.UTILIZATION_OFFSET), b.getInt(i + IntervalDescriptor.ACTIVE_WORKERS_OFFSET),
                b.getLong(i + IntervalDescriptor.BACKLOG_OFFSET), histograms[0], histograms[1], histograms[2], histograms[3]));
        }
    }

    /** Decodes one compressed histogram held at {@code [at, at + n)} of a heap buffer. */
    private static Histogram histogram(final DirectBuffer b, final int at, final int n) throws GarbledException
    {
        try
        {
            // HdrHistogram reads the compressed payload from array() at position() + 8, ignoring arrayOffset: wrap, don't slice
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(b.byteArray(), b.wrapAdjustment() + at, n), 0);
        }
        catch (final DataFormatException | RuntimeException e)
        {
            throw new GarbledException("histogram does not decode: " + e.getMessage());
        }
    }

    private static void decision(final DirectBuffer b, final int i, final int length, final RunAssembler sink) throws GarbledException
    {
        final int end = i + length;
        final int reasonAt = textEnd(b, i + DecisionDescriptor.STATE_OFFSET, end);
        exact(DecisionDescriptor.TYPE, textEnd(b, reasonAt, end), end);
        if (sink != null)
        {
            sink.decision(new RecordedDecision(b.getLong(i + DecisionDescriptor.INTERVAL_OFFSET), text(b, i + DecisionDescriptor.STATE_OFFSET),
                b.getDouble(i + DecisionDescriptor.BUDGET_BEFORE_OFFSET), b.getDouble(i + DecisionDescriptor.BUDGET_AFTER_OFFSET),
                b.getLong(i + DecisionDescriptor.LINGER_BEFORE_OFFSET), b.getLong(i + DecisionDescriptor.LINGER_AFTER_OFFSET),
                b.getInt(i + DecisionDescriptor.WORKERS_BEFORE_OFFSET), b.getInt(i + DecisionDescriptor.WORKERS_AFTER_OFFSET),
                text(b, reasonAt)));
        }
    }

    private static void fixed(final int type, final int length, final int expected) throws GarbledException
    {
        if (length != expected)
        {
            throw new GarbledException("record type " + type + " of " + length + " bytes, expected " + expected);
        }
    }

    private static void exact(final int type, final int at, final int end) throws GarbledException
    {
        if (at != end)
        {
            throw new GarbledException("record type " + type + " ends at " + at + ", its length says " + end);
        }
    }

    /** The index after the text field at {@code at}, checked to end by {@code end}. */
    private static int textEnd(final DirectBuffer b, final int at, final int end) throws GarbledException
    {
        if (at < 0 || end - at < Utf8.LENGTH_PREFIX)
        {
            throw new GarbledException("text field cut off at " + at);
        }
        final int n = textLength(b, at);
        if (n > end - at - Utf8.LENGTH_PREFIX)
        {
            throw new GarbledException("text of " + n + " bytes at " + at);
        }
        return at + Utf8.fieldSize(n);
    }

    /** The byte count of the text field at {@code at}, {@link Utf8#NULL} for null. */
    private static int textLength(final DirectBuffer b, final int at)
    {
        final int n = b.getShort(at) & 0xFFFF;
        return n == Utf8.NULL_PREFIX ? Utf8.NULL : n;
    }

    private static String text(final DirectBuffer b, final int at)
    {
        final int n = textLength(b, at);
        return n < 0 ? null : b.getStringWithoutLengthUtf8(at + Utf8.LENGTH_PREFIX, n);
    }
}
