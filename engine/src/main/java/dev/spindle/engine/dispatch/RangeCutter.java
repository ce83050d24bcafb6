package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.tune.CutterControls;

/**
 * Cuts batches in place: with one priority level and no deadlines, a batch is the next range of
 * ring slots, processed where the producer wrote it. Under unit cost the cut reads no item at all
 * (the budget counts items); with a cost function, or once a translator threw and left a slot to
 * skip, it reads the costs the producers wrote, once per item as it arrives and once as it is cut.
 * Arrival order is batch order: nothing is reordered.
 */
final class RangeCutter<T> implements Cutter<T>
{
    private final SlotRing<T> ring;
    private final EngineState state;
    private final CutterControls controls;
    private final OutcomeDelivery<T> delivery;
    private final JournalTap<? super T> tap;
    private final boolean tapped;
    private final boolean unitCost;
    private final int maxItems;
    private long nextBatchId;
    /** Scored mode: the costs of (frontier, scanned] are summed in {@link #waiting}. */
    private long scanned = -1;
    private double waiting;
    private final BatchFill fill = new BatchFill();

    RangeCutter(final EngineConfig<T> config, final SlotRing<T> ring, final EngineState state, final CutterControls controls,
        final OutcomeDelivery<T> delivery)
    {
        this.ring = ring;
        this.state = state;
        this.controls = controls;
        this.delivery = delivery;
        this.tap = config.tap();
        this.tapped = config.tapped();
        this.unitCost = !config.scored();
        this.maxItems = config.maxBatchItems();
    }

    @Override
    public boolean mayHaveWork()
    {
        final long frontier = ring.frontier();
        return frontier < state.drainTarget() && ring.highestPublished(frontier + 1, frontier + 1) > frontier;
    }

    @Override
    public boolean cut(final Box<T> box, final int sharers, final CloseReason partial, final long now, final OutcomeCounter counter)
    {
        final long frontier = ring.frontier.get();
        final long cap = Math.min(ring.cursor(), state.drainTarget());
        if (cap <= frontier)
        {
            return false;
        }
        final double budget = controls.complexityBudget();
        final long lo = frontier + 1;
        return unitCost && !ring.skipsSeen() ? cutCounted(box, lo, cap, sharers, budget, partial, now)
            : cutScored(box, lo, cap, sharers, budget, partial, now);
    }

    private boolean cutCounted(final Box<T> box, final long lo, final long cap, final int sharers, final double budget,
        final CloseReason partial, final long now)
    {
        final int target = CutSizing.countTarget(cap - lo + 1, sharers, budget, maxItems, true);
        final long hi = ring.highestPublished(lo, lo + target - 1);
        if (hi < lo)
        {
            return false;
        }
        final int n = (int)(hi - lo + 1);
        box.hold(lo);
        ring.frontier.set(hi);
        final BatchSlot<T> batch = box.batch();
        batch.range(lo, n, n);
        close(batch, CutSizing.countedReason(n, maxItems, budget, partial), budget, now);
        return true;
    }

    private boolean cutScored(final Box<T> box, long lo, final long cap, final int sharers, final double budget,
        final CloseReason partial, final long now)
    {
        final long published = scan(cap);
        while (lo <= published && ring.slot(lo).skipped())
        {
            lo++; // its scoring threw: the producer already delivered its outcome
        }
        if (lo > published)
        {
            if (lo - 1 > ring.frontier.get())
            {
                ring.frontier.set(lo - 1);
            }
            return false;
        }
        final BatchSlot<T> batch = box.batch();
        box.hold(lo);
        fill.start(waiting, published - lo + 1, sharers, budget, maxItems, partial);
        for (long s = lo; s <= published; s++)
        {
            final Slot<T> slot = ring.slot(s);
            if (slot.skipped() || !fill.takes(slot.cost))
            {
                break; // a skipped slot (its scoring threw) ends the range
            }
            fill.took(slot.cost);
            batch.addFeatures(slot);
        }
        final int n = fill.size();
        final double sum = fill.complexity();
        ring.frontier.set(lo + n - 1);
        waiting = lo + n - 1 >= scanned ? 0 : waiting - sum;
        batch.range(lo, n, sum);
        close(batch, fill.reason(), budget, now);
        return true;
    }

    /** Sums the costs of items published since the last scan; returns the highest published sequence up to {@code cap}. */
    private long scan(final long cap)
    {
        final long from = Math.max(scanned, ring.frontier.get()) + 1;
        final long published = ring.highestPublished(from, cap);
        for (long s = from; s <= published; s++)
        {
            final double cost = ring.slot(s).cost;
            if (cost == cost)
            {
                waiting += cost;
            }
        }
        scanned = Math.max(scanned, published);
        return Math.max(published, from - 1);
    }

    private void close(final BatchSlot<T> batch, final CloseReason reason, final double budget, final long now)
    {
        batch.close(nextBatchId++, reason, budget);
        if (tapped)
        {
            tap.batchCut(batch, now);
        }
    }

    @Override
    public void rejectWaiting(final long now, final OutcomeCounter counter)
    {
        final long frontier = ring.frontier.get();
        final long hi = ring.highestPublished(frontier + 1, Math.min(ring.cursor(), state.drainTarget()));
        for (long s = frontier + 1; s <= hi; s++)
        {
            final Slot<T> slot = ring.slot(s);
            if (!slot.skipped())
            {
                delivery.deliver(slot.item(), Outcome.REJECTED, null, NOT_STARTED, slot.future, counter, true);
            }
        }
        if (hi > frontier)
        {
            ring.frontier.set(hi);
        }
        scanned = Math.max(scanned, hi);
        waiting = 0;
    }

    @Override
    public int staged()
    {
        return 0;
    }

    @Override
    public double waitingComplexity()
    {
        if (unitCost && !ring.skipsSeen())
        {
            return waitingItems();
        }
        scan(Math.min(ring.cursor(), state.drainTarget()));
        return waiting;
    }

    @Override
    public long waitingItems()
    {
        return Math.max(0, Math.min(ring.cursor(), state.drainTarget()) - ring.frontier.get());
    }

    @Override
    public long oldestWaitingNanos()
    {
        final long next = ring.frontier.get() + 1;
        if (ring.highestPublished(next, next) < next)
        {
            return Long.MAX_VALUE;
        }
        final long submitted = ring.slot(next).submitNanos;
        return submitted == Slot.NOT_STAMPED ? Long.MAX_VALUE : submitted;
    }

    @Override
    public long nextTimerNanos()
    {
        return Long.MAX_VALUE;
    }

    @Override
    public void expireDue(final long now, final OutcomeCounter counter)
    {
    }
}
