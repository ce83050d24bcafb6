package dev.spindle.engine;

import com.lmax.disruptor.EventHandler;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The single consumer of the submission ring. Scores each item, stages it in a priority lane, cuts
 * complexity-bounded batches and hands each to a worker's mailbox. One thread owns all of
 * this state, so none of it needs a lock or a CAS; the price is that scoring and cutting for the
 * whole engine run on one core, which at a few tens of nanoseconds per item is rarely the bottleneck.
 * <p>
 * Work conservation: whenever a worker is idle and items are staged, a batch is cut at once, sized
 * by guided self-scheduling (the staged complexity divided by the worker count, capped by the
 * budget) so the last batches of a burst are small and the workers finish together. When every
 * worker is busy, full batches (budget or count), lingering ones, and ones holding an item near its
 * deadline are closed ahead into a short queue, so a worker that frees up never waits for a cut; while
 * plenty more is staged, a queued batch without deadlines goes straight into a busy worker's second
 * mailbox, so that worker starts it without waiting for the cutter at all.
 */
final class BatchCutter implements EventHandler<ItemEvent>
{
    private static final System.Logger LOG = System.getLogger(BatchCutter.class.getName());
    private static final long RETRY_NANOS = 50_000;
    /** The reason every item of a batch cut but not started before {@code shutdownNow()} is REJECTED with. */
    static final String NOT_STARTED = "engine shut down before the batch started";

    private final EngineConfig config;
    private final EngineState state;
    private final OutcomeDelivery delivery;
    private final JournalTap tap;
    private final ComplexityScorer complexityScorer;
    private final PriorityScorer priorityScorer;
    private final PriorityLanes lanes;
    private final Wakeup wakeup;
    private final Idler poolIdler;

    private final StagedItem[] pool;
    private final int[] freeItems;
    private int freeItemCount;

    private final BatchSlot[] batches;
    private final int[] freeBatches;
    private int freeBatchCount;
    private final int[] queue;
    private int queueHead;
    private int queueSize;
    private final int maxQueued;

    private final WorkerSlot[] workers;
    /** The batch in each worker's box ({@code 2 * worker + box}), or EMPTY once reclaimed. */
    private final int[] held;
    /** The box each worker's next batch goes into: the order the worker takes them in. */
    private final int[] nextBox;
    private final int[] orphans;
    private int orphanCount;

    final OutcomeCounter outcomes = new OutcomeCounter.SingleWriter();
    private final AtomicLongArray closeReasons = new AtomicLongArray(CloseReason.values().length);
    private volatile int stagedSnapshot;
    /** False while every active worker is running a batch: producers then need not wake a parked cutter. */
    private volatile boolean itemsWanted = true;

    private final CutterControls controls;
    private double budget;
    private final int maxItems;
    private long lingerNanos;
    private long slackNanos;
    private int activeWorkers;

    private long lastSequence = -1;
    private long nextBatchId;
    private long nextDeadlineScan = Long.MAX_VALUE;
    private int seenStateVersion = -1;
    private long nextTimer = Long.MAX_VALUE;
    private final PriorityLanes.ExpiredSink timeOut = this::timeOutStaged;
    private final PriorityLanes.ExpiredSink reject = this::rejectStaged;
    private final Wakeup.WorkCondition poolHasRoom = this::housekeepingDue;

    BatchCutter(final EngineConfig config, final EngineState state, final OutcomeDelivery delivery, final StagedItem[] items,
        final WorkerSlot[] workers, final BatchSlot[] batches, final Wakeup wakeup, final CutterControls controls)
    {
        this.config = config;
        this.tap = config.tap();
        this.state = state;
        this.delivery = delivery;
        this.complexityScorer = config.complexityScorer();
        this.priorityScorer = config.priorityScorer();
        this.lanes = new PriorityLanes(config.laneFloors().length, config.agingBoundNanos());
        this.wakeup = wakeup;
        this.poolIdler = Idler.create(config.waitMode());
        this.controls = controls;
        this.budget = controls.complexityBudget();
        this.maxItems = config.maxBatchItems();
        this.lingerNanos = controls.lingerNanos();
        this.slackNanos = controls.deadlineSlackNanos();
        this.maxQueued = config.maxQueuedBatches();

        // The first ringSize items start out in the ring's slots; the rest are the free pool.
        this.pool = items;
        this.freeItems = new int[pool.length];
        for (int i = pool.length - 1; i >= config.ringSize(); i--)
        {
            freeItems[freeItemCount++] = i;
        }

        this.batches = batches;
        this.freeBatches = new int[batches.length];
        for (int i = 0; i < batches.length; i++)
        {
            freeBatches[i] = batches.length - 1 - i;
        }
        this.freeBatchCount = batches.length;
        this.queue = new int[batches.length];
        this.orphans = new int[batches.length];

        this.workers = workers;
        this.held = new int[2 * workers.length];
        java.util.Arrays.fill(held, Mailbox.EMPTY);
        this.nextBox = new int[workers.length];
        this.activeWorkers = controls.activeWorkers();
    }

    /** Items the engine must allocate: one per ring slot plus the staging capacity. */
    static StagedItem[] itemsFor(final EngineConfig config)
    {
        final StagedItem[] items = new StagedItem[config.ringSize() + config.stagingCapacity()];
        for (int i = 0; i < items.length; i++)
        {
            items[i] = new StagedItem(i);
        }
        return items;
    }

    /** Batch slots the engine must allocate: running, queued behind each worker, queued here, and room for abandoned ones. */
    static int batchSlotsFor(final EngineConfig config)
    {
        return 3 * config.workers() + config.maxQueuedBatches() + 1;
    }

    @Override
    public void onEvent(final ItemEvent event, final long sequence, final boolean endOfBatch)
    {
        if (!event.cancelled)
        {
            // The producer fills the fresh item next time round; this one moves on by reference.
            final StagedItem fresh = allocateItem();
            final StagedItem item = event.item;
            event.item = fresh;
            stage(item);
        }
        lastSequence = sequence; // only now: a drain must not finish while this item is in hand
        if (endOfBatch)
        {
            dispatch();
        }
    }

    @Override
    public void onTimeout(final long sequence)
    {
        dispatch();
    }

    long closeReasonCount(final CloseReason reason)
    {
        return closeReasons.get(reason.ordinal());
    }

    /** Staged items as of the cutter's last duty cycle; safe to read from any thread. */
    int stagedItems()
    {
        return stagedSnapshot;
    }

    /**
     * True when the cutter has something to do other than read the ring: a worker finished, an
     * abandoned batch came back, a linger or deadline timer fired, or the lifecycle moved on.
     * Called only on the cutter thread, from its wait strategy.
     */
    boolean housekeepingDue()
    {
        if (state.version() != seenStateVersion)
        {
            return true;
        }
        for (int h = 0; h < held.length; h++)
        {
            if (held[h] != Mailbox.EMPTY && box(h).isEmpty())
            {
                return true;
            }
        }
        for (int i = 0; i < orphanCount; i++)
        {
            if (batches[orphans[i]].state() == BatchSlot.RETURNED)
            {
                return true;
            }
        }
        return nextTimer != Long.MAX_VALUE && System.nanoTime() >= nextTimer;
    }

    /**
     * How long the cutter may park before a timer of its own is due. While no item is wanted,
     * producers do not wake it, so it also looks at the ring once per linger: items that arrived
     * meanwhile still close ahead on time.
     */
    long parkNanos()
    {
        final long now = System.nanoTime();
        final long until = itemsWanted ? nextTimer : Math.min(nextTimer, now + Math.max(lingerNanos, RETRY_NANOS));
        return until == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, until - now);
    }

    private void stage(final StagedItem item)
    {
        if (state.rejecting())
        {
            tap.itemSubmitted(item, item.submitNanos, Double.NaN, -1, -1);
            delivery.deliver(item, Outcome.REJECTED, null, "engine shut down before the item was processed", outcomes);
            freeItem(item);
            return;
        }
        try
        {
            item.complexity = checkedComplexity(complexityScorer.complexity(item));
            item.priority = Math.max(0, Math.min(100, priorityScorer.priority(item)));
        }
        catch (final RuntimeException e)
        {
            tap.itemSubmitted(item, item.submitNanos, Double.NaN, -1, -1);
            delivery.deliver(item, Outcome.FAILED, null, "scoring failed: " + e, outcomes);
            freeItem(item);
            return;
        }
        if (item.deadlineNanos != Item.NO_DEADLINE)
        {
            nextDeadlineScan = Math.min(nextDeadlineScan, item.deadlineNanos - slackNanos);
        }
        item.lane = config.laneOf(item.priority);
        tap.itemSubmitted(item, item.submitNanos, item.complexity, item.priority, item.lane);
        lanes.add(item);
    }

    private static double checkedComplexity(final double complexity)
    {
        if (!(complexity >= 0) || Double.isInfinite(complexity))
        {
            throw new IllegalArgumentException("complexity scorer returned " + complexity + " (must be finite and >= 0)");
        }
        return complexity;
    }

    private StagedItem allocateItem()
    {
        while (freeItemCount == 0)
        {
            // Every staging slot is held by a staged, queued or running item: keep the workers fed
            // until one comes back. The ring stops advancing meanwhile, which is the backpressure.
            dispatch();
            if (freeItemCount == 0)
            {
                poolIdler.idle(wakeup, poolHasRoom, parkNanos());
            }
        }
        poolIdler.reset();
        return pool[freeItems[--freeItemCount]];
    }

    private void freeItem(final StagedItem item)
    {
        item.clearReferences();
        freeItems[freeItemCount++] = item.poolIndex;
    }

    /** The cutter's duty cycle: reclaim, expire, cut, assign. Called after each run of ring events. */
    void dispatch()
    {
        seenStateVersion = state.version();
        readControls();
        final long now = System.nanoTime();
        reclaimOrphans();
        if (state.rejecting())
        {
            rejectEverythingWaiting(now);
        }
        else if (now >= nextDeadlineScan)
        {
            final long earliest = lanes.scanDeadlines(now, now + 2 * slackNanos, timeOut);
            nextDeadlineScan = earliest == Long.MAX_VALUE ? Long.MAX_VALUE : earliest - 2 * slackNanos;
        }
        final boolean draining = state.drainRequested() && lastSequence >= state.drainTarget();

        reclaimCompleted();
        while (true)
        {
            int worker;
            while (queueSize > 0 && (worker = idleWorker()) >= 0)
            {
                assign(pollQueue(), worker);
            }
            while (queueSize > 0 && batches[queue[queueHead]].earliestItemDeadline == Item.NO_DEADLINE
                && lanes.complexity() >= budget * activeWorkers && (worker = workerWithRoomBehind()) >= 0)
            {
                assign(pollQueue(), worker);
            }
            if (lanes.isEmpty())
            {
                break;
            }
            worker = idleWorker();
            if (worker >= 0)
            {
                final BatchSlot batch = allocateBatch();
                if (batch == null)
                {
                    break;
                }
                final boolean byCount = lanes.complexity() == 0;
                final double target = byCount ? budget : Math.min(budget, lanes.complexity() / activeWorkers);
                final int countTarget = byCount ? Math.max(1, (lanes.size() + activeWorkers - 1) / activeWorkers) : maxItems;
                if (cut(batch, now, target, countTarget, CloseReason.IDLE_WORKER))
                {
                    assign(batch, worker);
                }
                continue;
            }
            if (queueSize >= maxQueued)
            {
                break;
            }
            final CloseReason trigger = closeAheadTrigger(now, draining);
            if (trigger == null)
            {
                break;
            }
            final BatchSlot batch = allocateBatch();
            if (batch == null)
            {
                break;
            }
            if (cut(batch, now, budget, maxItems, trigger))
            {
                enqueue(batch, batch.closeReason == CloseReason.DEADLINE);
            }
        }

        stagedSnapshot = lanes.size();
        final boolean wanted = anyActiveWorkerIdle();
        if (wanted != itemsWanted)
        {
            itemsWanted = wanted;
        }
        final long timer = computeNextTimer();
        // A timer already due means the cutter could not act on it (no free batch slot): retry soon, not in a spin.
        nextTimer = timer <= now ? now + RETRY_NANOS : timer;
        if (draining && isIdle())
        {
            state.markDrained();
        }
    }

    private void readControls()
    {
        budget = controls.complexityBudget();
        lingerNanos = controls.lingerNanos();
        activeWorkers = controls.activeWorkers();
        final long slack = controls.deadlineSlackNanos();
        if (slack != slackNanos)
        {
            slackNanos = slack;
            nextDeadlineScan = Long.MIN_VALUE; // re-judge every staged deadline against the new slack
        }
    }

    private CloseReason closeAheadTrigger(final long now, final boolean draining)
    {
        if (lanes.complexity() >= budget || lanes.size() >= maxItems)
        {
            return CloseReason.BUDGET; // cut() reports BUDGET or COUNT, whichever closed it
        }
        if (lanes.hasUrgent())
        {
            return CloseReason.DEADLINE;
        }
        if (draining)
        {
            return CloseReason.DRAIN;
        }
        if (now - lanes.oldestStagedNanos() >= lingerNanos)
        {
            return CloseReason.LINGER;
        }
        return null;
    }

    private long computeNextTimer()
    {
        long timer = nextDeadlineScan;
        if (!lanes.isEmpty() && queueSize < maxQueued)
        {
            final long oldest = lanes.oldestStagedNanos();
            timer = Math.min(timer, oldest + lingerNanos);
        }
        return timer;
    }

    /**
     * Fills {@code batch} from the lanes and reports whether it holds anything. It stops at
     * {@code target} complexity or {@code countTarget} items: reaching the budget reports BUDGET,
     * the maximum count COUNT, a near deadline DEADLINE; running out of items or reaching a fair
     * share below the limits (guided self-scheduling, so a burst's tail is cut fine) reports
     * {@code partial}.
     */
    private boolean cut(final BatchSlot batch, final long now, final double target, final int countTarget, final CloseReason partial)
    {
        CloseReason reason = partial;
        boolean urgent = false;
        while (true)
        {
            if (batch.size == maxItems)
            {
                reason = CloseReason.COUNT;
                break;
            }
            final StagedItem item = lanes.peekNext(now);
            if (item == null)
            {
                break;
            }
            final boolean itemUrgent = lanes.isUrgent(item);
            if (urgent && !itemUrgent)
            {
                reason = CloseReason.DEADLINE;
                break;
            }
            if (batch.size > 0 && batch.complexity + item.complexity > target)
            {
                reason = target >= budget ? CloseReason.BUDGET : partial;
                break;
            }
            if (batch.size >= countTarget)
            {
                break;
            }
            lanes.remove(item);
            if (item.deadlineNanos <= now)
            {
                timeOutStaged(item, now);
                continue;
            }
            urgent |= itemUrgent;
            batch.itemIndices[batch.size] = item.poolIndex;
            batch.items[batch.size++] = item;
            batch.complexity += item.complexity;
            batch.bytes += item.sizeBytes;
            batch.missingEmbeddings += (item.flags & Item.HAS_EMBEDDING) == 0 ? 1 : 0;
            batch.earliestItemDeadline = Math.min(batch.earliestItemDeadline, item.deadlineNanos);
            if (batch.size == 1 && item.complexity > budget)
            {
                reason = CloseReason.BUDGET;
                break;
            }
        }
        if (urgent && (reason == partial || reason == CloseReason.IDLE_WORKER))
        {
            reason = CloseReason.DEADLINE;
        }
        if (batch.size == 0)
        {
            releaseBatch(batch); // everything taken for it had expired on the way in
            return false;
        }
        batch.closeReason = reason;
        batch.budgetAtCut = budget;
        batch.batchId = nextBatchId++;
        closeReasons.lazySet(reason.ordinal(), closeReasons.get(reason.ordinal()) + 1);
        batch.view(0, batch.size);
        tap.batchCut(batch, now);
        return true;
    }

    /**
     * Whether a new item could start now. Read by producers; a stale false is harmless because the
     * worker that frees up signals the cutter itself, and the cutter then reads the ring.
     */
    boolean itemsWanted()
    {
        return itemsWanted;
    }

    private boolean anyActiveWorkerIdle()
    {
        for (int w = 0; w < activeWorkers; w++)
        {
            if (isFree(2 * w) && isFree(2 * w + 1))
            {
                return true;
            }
        }
        return false;
    }

    private boolean isFree(final int h)
    {
        return held[h] == Mailbox.EMPTY || box(h).isEmpty();
    }

    private Mailbox box(final int h)
    {
        return workers[h >> 1].boxes[h & 1];
    }

    /** An active worker with nothing in either box, its finished batches reclaimed; or -1. */
    private int idleWorker()
    {
        for (int w = 0; w < activeWorkers; w++)
        {
            if (reclaimIfDone(2 * w) & reclaimIfDone(2 * w + 1))
            {
                return w;
            }
        }
        return -1;
    }

    /** An active worker running one batch with its next box free: a batch given to it starts as soon as the running one ends. */
    private int workerWithRoomBehind()
    {
        for (int w = 0; w < activeWorkers; w++)
        {
            if (reclaimIfDone(2 * w + nextBox[w]))
            {
                return w;
            }
        }
        return -1;
    }

    private void reclaimCompleted()
    {
        for (int h = 0; h < held.length; h++)
        {
            reclaimIfDone(h);
        }
    }

    /** True when box {@code h} holds nothing of the cutter's any more (reclaiming its finished batch if need be). */
    private boolean reclaimIfDone(final int h)
    {
        if (held[h] == Mailbox.EMPTY)
        {
            return true;
        }
        if (!box(h).isEmpty())
        {
            return false;
        }
        reclaim(held[h]);
        held[h] = Mailbox.EMPTY;
        return true;
    }

    private void assign(final BatchSlot batch, final int worker)
    {
        final int h = 2 * worker + nextBox[worker];
        batch.workerId = worker;
        batch.markRunning();
        held[h] = batch.index;
        nextBox[worker] ^= 1;
        final WorkerSlot slot = workers[worker];
        slot.boxes[h & 1].offer(batch.index);
        slot.wakeup.signal();
    }

    private void reclaim(final int batchIndex)
    {
        final BatchSlot batch = batches[batchIndex];
        if (batch.state() == BatchSlot.COMPLETED)
        {
            releaseBatch(batch);
        }
        else
        {
            orphans[orphanCount++] = batchIndex; // abandoned by the watchdog; wait for its thread
        }
    }

    private void reclaimOrphans()
    {
        for (int i = 0; i < orphanCount; )
        {
            final BatchSlot batch = batches[orphans[i]];
            if (batch.state() == BatchSlot.RETURNED)
            {
                releaseBatch(batch);
                orphans[i] = orphans[--orphanCount];
            }
            else
            {
                i++;
            }
        }
    }

    /** Items of a completed batch were cleared by their worker; others (rejected, timed out) are cleared here. */
    private void releaseBatch(final BatchSlot batch)
    {
        if (batch.state() != BatchSlot.COMPLETED)
        {
            for (int i = 0; i < batch.size; i++)
            {
                batch.items[i].clearReferences();
            }
        }
        System.arraycopy(batch.itemIndices, 0, freeItems, freeItemCount, batch.size);
        freeItemCount += batch.size;
        batch.clear();
        batch.markFree();
        freeBatches[freeBatchCount++] = batch.index;
    }

    private BatchSlot allocateBatch()
    {
        if (freeBatchCount == 0)
        {
            if (orphanCount > 0)
            {
                LOG.log(Level.WARNING, "spindle: no free batch slot: " + orphanCount + " batch(es) are held by stuck worker threads");
            }
            return null;
        }
        return batches[freeBatches[--freeBatchCount]];
    }

    private void enqueue(final BatchSlot batch, final boolean front)
    {
        if (front)
        {
            queueHead = (queueHead - 1 + queue.length) % queue.length;
            queue[queueHead] = batch.index;
        }
        else
        {
            queue[(queueHead + queueSize) % queue.length] = batch.index;
        }
        queueSize++;
    }

    private BatchSlot pollQueue()
    {
        final BatchSlot batch = batches[queue[queueHead]];
        queueHead = (queueHead + 1) % queue.length;
        queueSize--;
        return batch;
    }

    private boolean isIdle()
    {
        if (!lanes.isEmpty() || queueSize > 0)
        {
            return false;
        }
        for (int h = 0; h < held.length; h++)
        {
            if (!reclaimIfDone(h))
            {
                return false;
            }
        }
        return true;
    }

    private void rejectEverythingWaiting(final long now)
    {
        lanes.drainTo(reject, now);
        while (queueSize > 0)
        {
            final BatchSlot batch = pollQueue();
            for (int i = 0; i < batch.size; i++)
            {
                delivery.deliver(batch.items[i], Outcome.REJECTED, null, NOT_STARTED, outcomes);
            }
            releaseBatch(batch);
        }
    }

    private void rejectStaged(final StagedItem item, final long now)
    {
        delivery.deliver(item, Outcome.REJECTED, null, "engine shut down before the item was processed", outcomes);
        freeItem(item);
    }

    private void timeOutStaged(final StagedItem item, final long now)
    {
        delivery.deliver(item, Outcome.TIMED_OUT, null,
            "deadline passed after " + (now - item.submitNanos) / 1000 + " us waiting for a worker", outcomes);
        freeItem(item);
    }
}
