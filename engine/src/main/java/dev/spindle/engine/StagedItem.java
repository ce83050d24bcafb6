package dev.spindle.engine;

/**
 * A preallocated item. It sits in a ring slot until a producer fills it, then moves by reference:
 * into a priority lane (linked through {@code next}), into a batch where the processor settles it,
 * and back to the cutter's free list. The engine allocates ring size + staging capacity of them.
 */
final class StagedItem extends ItemFields
{
    final int poolIndex;
    double complexity;
    int priority;
    int lane;
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
