package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;

/**
 * The rule that fills one batch, item by item: the engine's cutters and the simulator both ask it
 * before each item, so they cut the same batches. A batch aims at a guided-self-scheduling share of
 * what waits ({@link CutSizing}), by complexity, or by count when everything waiting costs nothing;
 * it never passes the budget (an item over the budget on its own goes alone) nor the item count, and
 * it takes items until its share is reached, so under unit cost it holds ceil(waiting ÷ sharers)
 * items, as the count-only cut does. Mutable, reused: no allocation per batch.
 */
public final class BatchFill
{
    private double budget;
    private int maxItems;
    private CloseReason partial;
    private boolean byCount;
    private double target;
    private int countTarget;
    private int size;
    private double complexity;
    private CloseReason closed;

    /**
     * Starts a batch for one of {@code sharers} workers sharing {@code waitingComplexity} (or, when
     * that is 0, {@code waitingItems} free items); {@code partial} is the reason it closes with when
     * neither bound does (an idle worker, a linger, a drain).
     */
    public BatchFill start(final double waitingComplexity, final long waitingItems, final int sharers, final double budget,
        final int maxItems, final CloseReason partial)
    {
        this.budget = budget;
        this.maxItems = maxItems;
        this.partial = partial;
        this.byCount = !(waitingComplexity > 0);
        this.target = byCount ? budget : CutSizing.shareTarget(waitingComplexity, sharers, budget);
        this.countTarget = byCount ? CutSizing.countTarget(waitingItems, sharers, budget, maxItems, false) : maxItems;
        this.size = 0;
        this.complexity = 0;
        this.closed = null;
        return this;
    }

    /** Whether the batch takes an item of {@code cost} next; when it does not, {@link #reason()} says why it closed. */
    public boolean takes(final double cost)
    {
        if (closed != null)
        {
            return false;
        }
        if (size == maxItems)
        {
            closed = CloseReason.COUNT;
        }
        else if (size > 0 && complexity + cost > budget)
        {
            closed = CloseReason.BUDGET;
        }
        else if (size > 0 && (byCount ? size >= countTarget : complexity >= target))
        {
            closed = partial;
        }
        return closed == null;
    }

    /** The batch took an item of {@code cost}. */
    public void took(final double cost)
    {
        size++;
        complexity += cost;
        if (size == 1 && cost > budget)
        {
            closed = CloseReason.BUDGET; // an item over the budget goes alone
        }
        else if (size == maxItems)
        {
            closed = CloseReason.COUNT;
        }
    }

    /** Ends the batch early for a reason of the caller's (an urgent batch meeting a plain item, say). */
    public void close(final CloseReason reason)
    {
        if (closed == null)
        {
            closed = reason;
        }
    }

    public boolean isClosed()
    {
        return closed != null;
    }

    /** Why the batch closed: its bound, or the partial reason when the items ran out first. */
    public CloseReason reason()
    {
        return closed != null ? closed : partial;
    }

    public int size()
    {
        return size;
    }

    public double complexity()
    {
        return complexity;
    }
}
