package dev.spindle.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A preallocated batch: the items the cutter put in it, and its run state. The worker running it and
 * the watchdog race for the right to settle its items with one CAS on {@code stamp}; whoever wins
 * delivers the outcomes, the loser does not. That is one uncontended CAS per batch, not per item.
 * <p>
 * The stamp is the batch id and the phase in one long, so a CAS aimed at one batch can never land on
 * a later batch that reuses the slot. Phases: FREE (owned by the cutter) → RUNNING (offered to a
 * worker) → COMPLETING → COMPLETED (the worker settled it), or ABANDONED (the watchdog won) →
 * TIMED_OUT (the watchdog settled it) → RETURNED (the stuck thread came back and let go). The cutter
 * reuses only COMPLETED and RETURNED slots.
 */
final class BatchSlot implements Batch
{
    static final int FREE = 0;
    static final int RUNNING = 1;
    static final int COMPLETING = 2;
    static final int COMPLETED = 3;
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

    final int index;
    final StagedItem[] items;
    /** The items' pool indices, so the cutter can free a batch without touching its items again. */
    final int[] itemIndices;
    int size;
    double complexity;
    /** Features the cost model learns from, summed by the cutter while the items are in its cache. */
    long bytes;
    int missingEmbeddings;
    double budgetAtCut;
    long batchId;
    CloseReason closeReason;
    int workerId = -1;
    /** Earliest item deadline in the batch, or {@link Item#NO_DEADLINE}. */
    long earliestItemDeadline = Item.NO_DEADLINE;

    // The window the processor currently sees: the whole batch, or one half while bisecting.
    private int viewOffset;
    private int viewLength;

    @SuppressWarnings("unused") // accessed through STAMP
    private volatile long stamp = FREE;

    BatchSlot(final int index, final int capacity)
    {
        this.index = index;
        this.items = new StagedItem[capacity];
        this.itemIndices = new int[capacity];
    }

    static long stamp(final long batchId, final int phase)
    {
        return (batchId << PHASE_BITS) | phase;
    }

    /** The current phase. */
    int state()
    {
        return (int)((long)STAMP.getAcquire(this) & PHASE_MASK);
    }

    private void phase(final int phase)
    {
        STAMP.setRelease(this, stamp(batchId, phase));
    }

    /** Cutter: the slot is filled (batch id set) and about to be offered to a worker. */
    void markRunning()
    {
        phase(RUNNING);
    }

    /** Worker: claims the right to settle the batch; false if the watchdog abandoned it first. */
    boolean tryBeginComplete()
    {
        return STAMP.compareAndSet(this, stamp(batchId, RUNNING), stamp(batchId, COMPLETING));
    }

    /** Worker: outcomes delivered; the cutter may reuse the slot once the mailbox is empty. */
    void markCompleted()
    {
        phase(COMPLETED);
    }

    /**
     * Watchdog: claims the right to time batch {@code expectedBatchId} out; false if the worker
     * finished first or the slot already holds another batch.
     */
    boolean tryAbandon(final long expectedBatchId)
    {
        return STAMP.compareAndSet(this, stamp(expectedBatchId, RUNNING), stamp(expectedBatchId, ABANDONED));
    }

    /** Watchdog: every item has its TIMED_OUT outcome. */
    void markTimedOut()
    {
        phase(TIMED_OUT);
    }

    /** The stuck thread, back from the processor after the watchdog settled the batch. */
    void markReturned()
    {
        phase(RETURNED);
    }

    void markFree()
    {
        phase(FREE);
    }

    void view(final int offset, final int length)
    {
        viewOffset = offset;
        viewLength = length;
    }

    /** The items array keeps its (pooled, always live) references: nulling them would buy the GC nothing. */
    void clear()
    {
        size = 0;
        complexity = 0;
        bytes = 0;
        missingEmbeddings = 0;
        budgetAtCut = 0;
        closeReason = null;
        workerId = -1;
        earliestItemDeadline = Item.NO_DEADLINE;
        viewOffset = 0;
        viewLength = 0;
    }

    @Override
    public int size()
    {
        return viewLength;
    }

    @Override
    public Item item(final int index)
    {
        return items[viewOffset + checkIndex(index)];
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
        items[viewOffset + checkIndex(index)].settle(Outcome.SUCCEEDED, result, null);
    }

    @Override
    public void fail(final int index, final String reason)
    {
        items[viewOffset + checkIndex(index)].settle(Outcome.FAILED, null, reason == null ? "failed (no reason given)" : reason);
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
