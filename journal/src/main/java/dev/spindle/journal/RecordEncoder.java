package dev.spindle.journal;

import dev.spindle.engine.Batch;
import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.tune.Decision;
import java.nio.ByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes each record's body at an index of a buffer (the writer's ring, or a heap buffer for a record
 * too large for it) by the offsets of its descriptor. Nothing here allocates: the per-item records are
 * encoded on the engine's threads.
 */
final class RecordEncoder
{
    private RecordEncoder()
    {
    }

    static void itemSubmitted(final MutableDirectBuffer b, final int i, final long id, final long sizeBytes, final double complexity,
        final long submitNanos, final int priority, final int lane, final String key, final int keyBytes)
    {
        b.putLong(i + ItemSubmittedDescriptor.ID_OFFSET, id);
        b.putLong(i + ItemSubmittedDescriptor.SIZE_BYTES_OFFSET, sizeBytes);
        b.putDouble(i + ItemSubmittedDescriptor.COMPLEXITY_OFFSET, complexity);
        b.putLong(i + ItemSubmittedDescriptor.SUBMIT_NANOS_OFFSET, submitNanos);
        b.putByte(i + ItemSubmittedDescriptor.PRIORITY_OFFSET, (byte)priority);
        b.putByte(i + ItemSubmittedDescriptor.LANE_OFFSET, (byte)lane);
        Utf8.putField(b, i + ItemSubmittedDescriptor.KEY_OFFSET, key, keyBytes);
    }

    static void itemRefused(final MutableDirectBuffer b, final int i, final long id, final long sizeBytes, final long nanos,
        final String key, final int keyBytes, final String reason, final int reasonBytes)
    {
        b.putLong(i + ItemRefusedDescriptor.ID_OFFSET, id);
        b.putLong(i + ItemRefusedDescriptor.SIZE_BYTES_OFFSET, sizeBytes);
        b.putLong(i + ItemRefusedDescriptor.NANOS_OFFSET, nanos);
        final int next = Utf8.putField(b, i + ItemRefusedDescriptor.KEY_OFFSET, key, keyBytes);
        Utf8.putField(b, next, reason, reasonBytes);
    }

    /** True when the batch's ids run first, first + 1, ...: its cut record then holds only the first. */
    static <T> boolean consecutive(final Batch<? extends T> batch, final ItemIdentity<? super T> identity)
    {
        final int size = batch.size();
        if (size == 0)
        {
            return false;
        }
        final long first = identity.id(batch.item(0));
        for (int k = 1; k < size; k++)
        {
            if (identity.id(batch.item(k)) != first + k)
            {
                return false;
            }
        }
        return true;
    }

    static <T> void batchCut(final MutableDirectBuffer b, final int i, final Batch<? extends T> batch, final ItemIdentity<? super T> identity,
        final long nanos, final boolean consecutive)
    {
        final int size = batch.size();
        b.putLong(i + BatchCutDescriptor.BATCH_ID_OFFSET, batch.batchId());
        b.putLong(i + BatchCutDescriptor.CUT_NANOS_OFFSET, nanos);
        b.putDouble(i + BatchCutDescriptor.COMPLEXITY_OFFSET, batch.complexity());
        final CloseReason reason = batch.closeReason();
        b.putByte(i + BatchCutDescriptor.CLOSE_REASON_OFFSET, (byte)BatchCutDescriptor.code(reason));
        b.putByte(i + BatchCutDescriptor.FLAGS_OFFSET, (byte)(consecutive ? BatchCutDescriptor.CONSECUTIVE : 0));
        b.putShort(i + BatchCutDescriptor.FLAGS_OFFSET + 1, (short)0);
        b.putInt(i + BatchCutDescriptor.ITEM_COUNT_OFFSET, size);
        int at = i + BatchCutDescriptor.ITEM_IDS_OFFSET;
        final int ids = consecutive ? 1 : size;
        for (int k = 0; k < ids; k++)
        {
            b.putLong(at, identity.id(batch.item(k)));
            at += Long.BYTES;
        }
    }

    static void batchStarted(final MutableDirectBuffer b, final int i, final long batchId, final int worker, final int cpu,
        final long nanos)
    {
        b.putLong(i + BatchStartedDescriptor.BATCH_ID_OFFSET, batchId);
        b.putLong(i + BatchStartedDescriptor.NANOS_OFFSET, nanos);
        b.putInt(i + BatchStartedDescriptor.WORKER_OFFSET, worker);
        b.putInt(i + BatchStartedDescriptor.CPU_OFFSET, cpu);
    }

    static void batchFinished(final MutableDirectBuffer b, final int i, final long batchId, final int worker, final long startNanos,
        final long endNanos, final boolean bisected, final boolean allSucceeded)
    {
        b.putLong(i + BatchFinishedDescriptor.BATCH_ID_OFFSET, batchId);
        b.putLong(i + BatchFinishedDescriptor.START_NANOS_OFFSET, startNanos);
        b.putLong(i + BatchFinishedDescriptor.END_NANOS_OFFSET, endNanos);
        b.putInt(i + BatchFinishedDescriptor.WORKER_OFFSET, worker);
        b.putInt(i + BatchFinishedDescriptor.FLAGS_OFFSET,
            (bisected ? BatchFinishedDescriptor.BISECTED : 0) | (allSucceeded ? BatchFinishedDescriptor.ALL_SUCCEEDED : 0));
    }

    static void itemOutcome(final MutableDirectBuffer b, final int i, final long id, final Outcome outcome, final String reason,
        final int reasonBytes)
    {
        b.putLong(i + ItemOutcomeDescriptor.ID_OFFSET, id);
        b.putByte(i + ItemOutcomeDescriptor.OUTCOME_OFFSET, (byte)ItemOutcomeDescriptor.code(outcome));
        Utf8.putField(b, i + ItemOutcomeDescriptor.REASON_OFFSET, reason, reasonBytes);
    }

    /** {@code texts} and {@code textBytes} in {@link RunHeaderDescriptor}'s text order. */
    static void runHeader(final MutableDirectBuffer b, final int i, final int formatVersion, final int resumeOf, final RunInfo r,
        final String[] texts, final int[] textBytes)
    {
        b.putInt(i + RunHeaderDescriptor.FORMAT_VERSION_OFFSET, formatVersion);
        b.putInt(i + RunHeaderDescriptor.RESUME_OF_OFFSET, resumeOf);
        b.putLong(i + RunHeaderDescriptor.START_EPOCH_MILLIS_OFFSET, r.startEpochMillis());
        b.putLong(i + RunHeaderDescriptor.START_NANOS_OFFSET, r.startNanos());
        b.putDouble(i + RunHeaderDescriptor.COMPLEXITY_BUDGET_OFFSET, r.complexityBudget());
        b.putLong(i + RunHeaderDescriptor.MAX_LINGER_NANOS_OFFSET, r.maxLingerNanos());
        b.putLong(i + RunHeaderDescriptor.AGING_BOUND_NANOS_OFFSET, r.agingBoundNanos());
        b.putLong(i + RunHeaderDescriptor.DEADLINE_SLACK_NANOS_OFFSET, r.deadlineSlackNanos());
        b.putLong(i + RunHeaderDescriptor.BATCH_TIMEOUT_NANOS_OFFSET, r.batchTimeoutNanos());
        b.putLong(i + RunHeaderDescriptor.INTERVAL_NANOS_OFFSET, r.intervalNanos());
        b.putLong(i + RunHeaderDescriptor.MAX_HEAP_BYTES_OFFSET, r.maxHeapBytes());
        b.putInt(i + RunHeaderDescriptor.WORKERS_OFFSET, r.workers());
        b.putInt(i + RunHeaderDescriptor.RING_SIZE_OFFSET, r.ringSize());
        b.putInt(i + RunHeaderDescriptor.STAGING_CAPACITY_OFFSET, r.stagingCapacity());
        b.putInt(i + RunHeaderDescriptor.MAX_BATCH_ITEMS_OFFSET, r.maxBatchItems());
        b.putInt(i + RunHeaderDescriptor.CORES_OFFSET, r.cores());
        int at = i + RunHeaderDescriptor.TEXTS_OFFSET;
        for (int k = 0; k < texts.length; k++)
        {
            at = Utf8.putField(b, at, texts[k], textBytes[k]);
        }
    }

    static void runFooter(final MutableDirectBuffer b, final int i, final long endNanos, final PerformanceReport r, final int interruptedBy,
        final int length, final long processCpuNanos, final long workersCpuNanos, final long compileNanos)
    {
        if (length >= RunFooterDescriptor.LENGTH_V6)
        {
            b.putLong(i + RunFooterDescriptor.COMPILE_OFFSET, compileNanos);
        }
        if (length >= RunFooterDescriptor.LENGTH_V5)
        {
            b.putLong(i + RunFooterDescriptor.PROCESS_CPU_OFFSET, processCpuNanos);
            b.putLong(i + RunFooterDescriptor.WORKERS_CPU_OFFSET, workersCpuNanos);
        }
        if (length >= RunFooterDescriptor.LENGTH)
        {
            b.putLong(i + RunFooterDescriptor.INTERRUPTED_BY_OFFSET, interruptedBy & 0xFFFF_FFFFL);
        }
        b.putLong(i + RunFooterDescriptor.END_NANOS_OFFSET, endNanos);
        b.putLong(i + RunFooterDescriptor.SUBMITTED_OFFSET, r.submitted());
        b.putLong(i + RunFooterDescriptor.SUCCEEDED_OFFSET, r.succeeded());
        b.putLong(i + RunFooterDescriptor.FAILED_OFFSET, r.failed());
        b.putLong(i + RunFooterDescriptor.REJECTED_OFFSET, r.rejected());
        b.putLong(i + RunFooterDescriptor.TIMED_OUT_OFFSET, r.timedOut());
        b.putLong(i + RunFooterDescriptor.BATCHES_OFFSET, r.batches());
        b.putDouble(i + RunFooterDescriptor.UTILIZATION_OFFSET, r.utilization());
    }

    /** {@code histograms}: the four compressed encodings in descriptor order, each from 0 to its limit; {@code max} their max values. */
    static void interval(final MutableDirectBuffer b, final int i, final IntervalSnapshot s, final ByteBuffer[] histograms, final long[] max)
    {
        b.putLong(i + IntervalDescriptor.INDEX_OFFSET, s.index());
        b.putLong(i + IntervalDescriptor.START_NANOS_OFFSET, s.startNanos());
        b.putLong(i + IntervalDescriptor.LENGTH_NANOS_OFFSET, s.lengthNanos());
        b.putLong(i + IntervalDescriptor.ARRIVED_OFFSET, s.arrived());
        b.putLong(i + IntervalDescriptor.COMPLETED_OFFSET, s.completed());
        b.putLong(i + IntervalDescriptor.BATCHES_OFFSET, s.batches());
        b.putDouble(i + IntervalDescriptor.UTILIZATION_OFFSET, s.utilization());
        b.putLong(i + IntervalDescriptor.BACKLOG_OFFSET, s.backlog());
        b.putInt(i + IntervalDescriptor.ACTIVE_WORKERS_OFFSET, s.activeWorkers());
        int at = i + IntervalDescriptor.HISTOGRAMS_OFFSET;
        for (int k = 0; k < histograms.length; k++)
        {
            final ByteBuffer h = histograms[k];
            b.putLong(at, max[k]);
            b.putInt(at + Long.BYTES, h.limit());
            b.putBytes(at + IntervalDescriptor.HISTOGRAM_HEADER_LENGTH, h, 0, h.limit());
            at += IntervalDescriptor.HISTOGRAM_HEADER_LENGTH + h.limit();
        }
    }

    static void decision(final MutableDirectBuffer b, final int i, final Decision d, final String state, final int stateBytes,
        final int reasonBytes)
    {
        b.putLong(i + DecisionDescriptor.INTERVAL_OFFSET, d.interval());
        b.putDouble(i + DecisionDescriptor.BUDGET_BEFORE_OFFSET, d.before().complexityBudget());
        b.putDouble(i + DecisionDescriptor.BUDGET_AFTER_OFFSET, d.after().complexityBudget());
        b.putLong(i + DecisionDescriptor.LINGER_BEFORE_OFFSET, d.before().lingerNanos());
        b.putLong(i + DecisionDescriptor.LINGER_AFTER_OFFSET, d.after().lingerNanos());
        b.putInt(i + DecisionDescriptor.WORKERS_BEFORE_OFFSET, d.before().activeWorkers());
        b.putInt(i + DecisionDescriptor.WORKERS_AFTER_OFFSET, d.after().activeWorkers());
        final int next = Utf8.putField(b, i + DecisionDescriptor.STATE_OFFSET, state, stateBytes);
        Utf8.putField(b, next, d.reason(), reasonBytes);
    }
}
