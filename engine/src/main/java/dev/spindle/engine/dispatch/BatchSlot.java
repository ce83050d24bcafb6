package dev.spindle.engine.dispatch;

import dev.spindle.engine.Batch;
import dev.spindle.engine.CloseReason;
import dev.spindle.engine.DeadlineFunction;
import dev.spindle.engine.metrics.LatencyRecorders;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One worker box's batch: which ring slots it covers (a range while items are cut in place, a list
 * of sequences when they come out of priority lanes), its {@link Settlements}, and its run
 * state. The worker running it and the watchdog race for the right to deliver its outcomes with one
 * CAS on {@code stamp}; the loser does not. That is one uncontended CAS per batch, not per item.
 * <p>
 * The stamp is the batch id and the phase in one long, so a CAS aimed at one batch can never land on
 * a later batch in the same slot. Phases: FREE → RUNNING (cut) → COMPLETING → FREE again (the worker
 * delivered), or ABANDONED (the watchdog won) → TIMED_OUT (it delivered) → RETURNED (the stuck thread
 * came back). An abandoned slot is never reused: the watchdog gives the box a new one and the ring
 * slots fresh items, so a stuck processor keeps reading the items it had.
 */
public final class BatchSlot<T> implements Batch<T>, LatencyRecorders.SubmitTimes
{
    static final int FREE = 0;
    static final int RUNNING = 1;
    static final int COMPLETING = 2;
    static final int ABANDONED = 4;
    static final int TIMED_OUT = 5;
    static final int RETURNED = 6;

    private static final int PHASE_BITS = 3;
    private static final long PHASE_MASK = (1 << PHASE_BITS) - 1;
    private static final VarHandle STAMP;

    static
    {
        try
        {
            STAMP = MethodHandles.lookup().findVarHandle(BatchSlot.class, "stamp", long.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SlotRing<T> ring;
    private final long[] sequences;
    private long first;
    private boolean indexed;
    int size;
    double complexity;
    final double[] featureSums;
    /** The lowest ring sequence in the batch: its box gate sits one below. */
    long minSequence;
    long earliestDeadline = DeadlineFunction.NO_DEADLINE;
    double budgetAtCut;
    long batchId;
    CloseReason closeReason;
    int workerId = -1;

    private final Settlements settlements;
    private int viewOffset;
    private int viewLength;

    @SuppressWarnings("unused") // accessed through STAMP
    private volatile long stamp = FREE;
    private volatile boolean detached;
    private Object[] detachedItems;

    BatchSlot(final SlotRing<T> ring, final int capacity, final int features)
    {
        this.ring = ring;
        this.sequences = new long[capacity];
        this.settlements = new Settlements(capacity);
        this.featureSums = new double[features];
    }

    /** Cutter: the batch is the ring range {@code [first, first + count)}. */
    void range(final long first, final int count, final double complexity)
    {
        this.indexed = false;
        this.first = first;
        this.size = count;
        this.minSequence = first;
        this.complexity = complexity;
    }

    /** Cutter: starts a batch of listed sequences (from the lanes); {@link #add} fills it. */
    void listed()
    {
        this.indexed = true;
        this.size = 0;
        this.complexity = 0;
        this.minSequence = Long.MAX_VALUE;
    }

    void add(final long sequence, final Slot<T> slot)
    {
        sequences[size++] = sequence;
        minSequence = Math.min(minSequence, sequence);
        complexity += slot.cost;
        earliestDeadline = Math.min(earliestDeadline, slot.deadlineNanos);
        addFeatures(slot);
    }

    void addFeatures(final Slot<T> slot)
    {
        final double[] f = slot.features;
        for (int k = 0; k < featureSums.length; k++)
        {
            featureSums[k] += f[k];
        }
    }

    /** Cutter: the batch is complete; {@code id} and {@code reason} describe it from now on. */
    void close(final long id, final CloseReason reason, final double budget)
    {
        this.batchId = id;
        this.closeReason = reason;
        this.budgetAtCut = budget;
        this.viewOffset = 0;
        this.viewLength = size;
        STAMP.setRelease(this, stamp(id, RUNNING));
    }

    long sequence(final int k)
    {
        return indexed ? sequences[k] : first + k;
    }

    Slot<T> slot(final int k)
    {
        return ring.slot(sequence(k));
    }

    static long stamp(final long batchId, final int phase)
    {
        return (batchId << PHASE_BITS) | phase;
    }

    int state()
    {
        return (int)((long)STAMP.getAcquire(this) & PHASE_MASK);
    }

    /** Worker: claims the right to settle the batch; false if the watchdog abandoned it first. */
    boolean tryBeginComplete()
    {
        return STAMP.compareAndSet(this, stamp(batchId, RUNNING), stamp(batchId, COMPLETING));
    }

    /** Watchdog: claims the right to time batch {@code expectedBatchId} out; false if the worker finished first or moved on. */
    boolean tryAbandon(final long expectedBatchId)
    {
        return STAMP.compareAndSet(this, stamp(expectedBatchId, RUNNING), stamp(expectedBatchId, ABANDONED));
    }

    void markTimedOut()
    {
        STAMP.setRelease(this, stamp(batchId, TIMED_OUT));
    }

    void markReturned()
    {
        STAMP.setRelease(this, stamp(batchId, RETURNED));
    }

    /**
     * Watchdog, after it won the batch: keeps the stuck thread's items for it and gives the ring slots
     * fresh ones from {@code factory}, so the slots can be reused while the processor still reads.
     */
    void detach(final Supplier<? extends T> factory)
    {
        final Object[] kept = new Object[size];
        for (int k = 0; k < size; k++)
        {
            kept[k] = slot(k).itemAcquire();
        }
        detachedItems = kept;
        detached = true;
        for (int k = 0; k < size; k++)
        {
            slot(k).replaceItem(factory.get());
        }
    }

    /** Worker: after delivery, ready for the next cut. */
    void recycle()
    {
        settlements.reset(size);
        size = 0;
        complexity = 0;
        Arrays.fill(featureSums, 0);
        earliestDeadline = DeadlineFunction.NO_DEADLINE;
        closeReason = null;
        workerId = -1;
        viewOffset = 0;
        viewLength = 0;
        STAMP.setRelease(this, stamp(batchId, FREE));
    }

    /** The processor sees {@code [offset, offset + length)}; its settlements there are cleared for a (re)run. */
    void view(final int offset, final int length)
    {
        settlements.clear(offset, offset + length);
        viewOffset = offset;
        viewLength = length;
    }

    /** The item at batch position {@code k} settled as FAILED by the engine (the processor threw on it alone). */
    void failAt(final int k, final String reason)
    {
        settlements.fail(k, reason);
    }

    boolean anyFailed()
    {
        return settlements.anyFailed(size);
    }

    boolean failedAt(final int k)
    {
        return settlements.failedAt(k);
    }

    Object resultAt(final int k)
    {
        return settlements.resultAt(k);
    }

    String reasonAt(final int k)
    {
        return settlements.reasonAt(k);
    }

    @Override
    public int items()
    {
        return size;
    }

    @Override
    public long submitNanos(final int k)
    {
        return slot(k).submitNanos;
    }

    @Override
    public int weight(final int k)
    {
        return slot(k).weight;
    }

    @Override
    public int size()
    {
        return viewLength;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T item(final int index)
    {
        final int k = viewOffset + checkIndex(index);
        final T item = slot(k).itemAcquire();
        return detached ? (T)detachedItems[k] : item;
    }

    @Override
    public double complexity()
    {
        return complexity;
    }

    @Override
    public long batchId()
    {
        return batchId;
    }

    @Override
    public CloseReason closeReason()
    {
        return closeReason;
    }

    @Override
    public int workerId()
    {
        return workerId;
    }

    @Override
    public void succeed(final int index, final Object result)
    {
        settlements.succeed(viewOffset + checkIndex(index), result);
    }

    @Override
    public void fail(final int index, final String reason)
    {
        settlements.fail(viewOffset + checkIndex(index), reason);
    }

    @Override
    public boolean isAbandoned()
    {
        final int s = state();
        return s == ABANDONED || s == TIMED_OUT || s == RETURNED;
    }

    private int checkIndex(final int index)
    {
        if (index < 0 || index >= viewLength)
        {
            throw new IndexOutOfBoundsException("batch item index " + index + " outside 0.." + (viewLength - 1));
        }
        return index;
    }
}
