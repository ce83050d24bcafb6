package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.DeadlineFunction;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.metrics.OutcomeCounter;
import dev.spindle.engine.tune.CutterControls;

/**
 * Cuts batches out of priority lanes: items are staged by ring position (nothing is copied; the
 * ring's staged hold keeps their slots), taken urgent first, then aged, then by lane, and items
 * whose deadline passed are TIMED_OUT without running. The price over {@link RangeCutter} is a
 * touch of every item's slot when it is staged and a list of positions per batch.
 */
final class LaneCutter<T> implements Cutter<T>, PriorityLanes.Items
{
    /** The reason every item that expired before it started is TIMED_OUT with: one string, not one per item. */
    static final String EXPIRED = "deadline passed before the item started";

    private final SlotRing<T> ring;
    private final EngineState state;
    private final CutterControls controls;
    private final OutcomeDelivery<T> delivery;
    private final JournalTap<? super T> tap;
    private final boolean tapped;
    private final int maxItems;
    private final int mask;
    private final boolean deadlines;
    private final PriorityLanes lanes;
    private final PriorityLanes.Sink timeOut = this::timeOut;
    private final PriorityLanes.Sink reject = this::reject;
    private OutcomeCounter counter;
    private final BatchFill fill = new BatchFill();
    private long nextBatchId;
    private long nextDeadlineScan = Long.MAX_VALUE;
    private long slackNanos;
    private volatile int stagedSnapshot;

    LaneCutter(final EngineConfig<T> config, final SlotRing<T> ring, final EngineState state, final CutterControls controls,
        final OutcomeDelivery<T> delivery)
    {
        this.ring = ring;
        this.state = state;
        this.controls = controls;
        this.delivery = delivery;
        this.tap = config.tap();
        this.tapped = config.tapped();
        this.maxItems = config.maxBatchItems();
        this.mask = ring.size() - 1;
        this.deadlines = config.deadline() != null;
        this.lanes = new PriorityLanes(config.laneFloors().length, ring.size(), config.agingBoundNanos(), this);
        this.slackNanos = controls.deadlineSlackNanos();
    }

    @Override
    public boolean mayHaveWork()
    {
        if (stagedSnapshot > 0)
        {
            return true;
        }
        final long frontier = ring.frontier();
        return frontier < state.drainTarget() && ring.highestPublished(frontier + 1, frontier + 1) > frontier;
    }

    @Override
    public boolean cut(final Box<T> box, final int sharers, final CloseReason partial, final long now, final OutcomeCounter counter)
    {
        this.counter = counter;
        stage(now);
        if (lanes.isEmpty())
        {
            releaseStaged();
            return false;
        }
        final double budget = controls.complexityBudget();
        final BatchSlot<T> batch = box.batch();
        batch.listed();
        fill.start(lanes.complexity(), lanes.size(), sharers, budget, maxItems, partial);
        boolean urgent = false;
        while (!fill.isClosed())
        {
            final int item = lanes.peekNext(now);
            if (item == PriorityLanes.NONE)
            {
                break;
            }
            final boolean itemUrgent = lanes.isUrgent(item);
            if (urgent && !itemUrgent)
            {
                fill.close(CloseReason.DEADLINE); // an urgent batch carries only urgent items
                break;
            }
            final Slot<T> slot = ring.slot(item);
            if (!fill.takes(slot.cost))
            {
                break;
            }
            lanes.remove(item);
            if (slot.deadlineNanos <= now)
            {
                timeOut(item, now);
                continue;
            }
            urgent |= itemUrgent;
            fill.took(slot.cost);
            batch.add(slot.sequence, slot);
        }
        final CloseReason reason = urgent && fill.reason() == partial ? CloseReason.DEADLINE : fill.reason();
        if (batch.size > 0)
        {
            box.hold(batch.minSequence);
        }
        releaseStaged();
        if (batch.size == 0)
        {
            batch.recycle(); // everything taken for it had expired
            return false;
        }
        batch.close(nextBatchId++, reason, budget);
        if (tapped)
        {
            tap.batchCut(batch, now);
        }
        return true;
    }

    /** Takes every published item up to the drain target off the ring into the lanes, then acts on due deadlines. */
    private void stage(final long now)
    {
        final long frontier = ring.frontier.get();
        final long hi = ring.highestPublished(frontier + 1, Math.min(ring.cursor(), state.drainTarget()));
        if (hi > frontier)
        {
            final boolean wasEmpty = lanes.isEmpty();
            long first = -1;
            for (long s = frontier + 1; s <= hi; s++)
            {
                final Slot<T> slot = ring.slot(s);
                if (slot.skipped())
                {
                    continue; // its scoring threw: the producer already delivered its outcome
                }
                slot.sequence = s;
                lanes.add((int)(s & mask));
                if (first < 0)
                {
                    first = s;
                }
                if (slot.deadlineNanos != DeadlineFunction.NO_DEADLINE)
                {
                    nextDeadlineScan = Math.min(nextDeadlineScan, slot.deadlineNanos - slackNanos);
                }
            }
            if (wasEmpty && first >= 0)
            {
                ring.stagedHold.set(first - 1); // before the frontier moves past the new items
            }
            ring.frontier.set(hi);
        }
        final long slack = controls.deadlineSlackNanos();
        if (slack != slackNanos)
        {
            slackNanos = slack;
            nextDeadlineScan = Long.MIN_VALUE; // re-judge every staged deadline against the new slack
        }
        if (now >= nextDeadlineScan)
        {
            final long earliest = lanes.scanDeadlines(now, now + 2 * slackNanos, timeOut);
            nextDeadlineScan = earliest == Long.MAX_VALUE ? Long.MAX_VALUE : earliest - 2 * slackNanos;
        }
        stagedSnapshot = lanes.size();
    }

    /** After items left the lanes (into a box whose gate already holds them, or with their outcomes delivered). */
    private void releaseStaged()
    {
        final long lowest = lanes.lowestOrder();
        ring.stagedHold.set(lowest == Long.MAX_VALUE ? Long.MAX_VALUE : lowest - 1);
        stagedSnapshot = lanes.size();
    }

    @Override
    public void rejectWaiting(final long now, final OutcomeCounter counter)
    {
        this.counter = counter;
        stage(now);
        lanes.drainTo(reject, now);
        releaseStaged();
    }

    @Override
    public int staged()
    {
        return stagedSnapshot;
    }

    @Override
    public double waitingComplexity()
    {
        stage(System.nanoTime());
        releaseStaged();
        return lanes.complexity();
    }

    @Override
    public long waitingItems()
    {
        return lanes.size();
    }

    @Override
    public long oldestWaitingNanos()
    {
        return lanes.oldestStagedNanos();
    }

    /** With deadlines, items still unread in the ring may be expiring: staging them is due now. */
    @Override
    public long nextTimerNanos()
    {
        if (!deadlines)
        {
            return Long.MAX_VALUE;
        }
        return ring.unread() > 0 ? Long.MIN_VALUE : nextDeadlineScan;
    }

    @Override
    public void expireDue(final long now, final OutcomeCounter counter)
    {
        this.counter = counter;
        stage(now);
        releaseStaged();
    }

    private void timeOut(final int item, final long now)
    {
        final Slot<T> slot = ring.slot(item);
        delivery.deliver(slot.item(), Outcome.TIMED_OUT, null, EXPIRED, slot.future, counter, true);
    }

    private void reject(final int item, final long now)
    {
        final Slot<T> slot = ring.slot(item);
        delivery.deliver(slot.item(), Outcome.REJECTED, null, NOT_STARTED, slot.future, counter, true);
    }

    @Override
    public int lane(final int item)
    {
        return ring.slot(item).lane;
    }

    @Override
    public double complexity(final int item)
    {
        return ring.slot(item).cost;
    }

    @Override
    public long submitNanos(final int item)
    {
        return ring.slot(item).submitNanos;
    }

    @Override
    public long deadlineNanos(final int item)
    {
        return ring.slot(item).deadlineNanos;
    }

    @Override
    public long order(final int item)
    {
        return ring.slot(item).sequence;
    }
}
