package dev.spindle.engine;

/**
 * An item held by the cutter from the moment it leaves the ring until its batch is reclaimed: in a
 * priority lane (linked through {@code next}), then in a batch, where the processor settles it.
 */
final class StagedItem extends ItemFields
{
    final int poolIndex;
    double complexity;
    int priority;
    int lane;
    long stagedNanos;
    StagedItem next;

    Outcome settledOutcome;
    Object result;
    String reason;

    StagedItem(final int poolIndex)
    {
        this.poolIndex = poolIndex;
    }

    void settle(final Outcome outcome, final Object result, final String reason)
    {
        this.settledOutcome = outcome;
        this.result = result;
        this.reason = reason;
    }

    void clearSettlement()
    {
        settledOutcome = null;
        result = null;
        reason = null;
    }

    @Override
    void clearReferences()
    {
        super.clearReferences();
        next = null;
        clearSettlement();
    }
}
