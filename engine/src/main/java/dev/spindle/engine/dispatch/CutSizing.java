package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;

/**
 * How big a batch an idle worker cuts: guided self-scheduling, an equal share of everything that
 * waits among the workers that share it, capped by the complexity budget and the item count, so a
 * burst's tail is cut fine and the workers finish together. The engine's cutters and the simulator
 * both size batches here.
 */
public final class CutSizing
{
    private CutSizing()
    {
    }

    /** The complexity to aim at when {@code waiting} complexity waits for {@code sharers} workers. */
    public static double shareTarget(final double waiting, final int sharers, final double budget)
    {
        return Math.min(budget, waiting / Math.max(1, sharers));
    }

    /**
     * The item count to aim at when every waiting item costs the same ({@code unitCost}: the budget
     * counts items) or nothing (zero-cost items: only counts bound the batch).
     */
    public static int countTarget(final long waitingItems, final int sharers, final double budget, final int maxItems,
        final boolean unitCost)
    {
        final int share = (int)Math.min(Integer.MAX_VALUE, (waitingItems + sharers - 1) / Math.max(1, sharers));
        final int byBudget = unitCost ? (int)Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(budget))) : Integer.MAX_VALUE;
        return Math.max(1, Math.min(Math.min(share, byBudget), maxItems));
    }

    /** Why a batch cut by count alone (unit cost: the budget counts items) closed at {@code n} items. */
    public static CloseReason countedReason(final int n, final int maxItems, final double budget, final CloseReason partial)
    {
        return n == maxItems ? CloseReason.COUNT : n >= budget ? CloseReason.BUDGET : partial;
    }
}
