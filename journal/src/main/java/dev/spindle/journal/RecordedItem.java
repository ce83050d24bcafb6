package dev.spindle.journal;

import dev.spindle.engine.Outcome;

/**
 * One submitted item as the journal saw it. Fields of stages the item never reached are -1 (times,
 * batch), NaN (complexity of an unscored item) or null (the outcome of an item in flight at a crash).
 *
 * @param serviceNanos the item's share of its batch's run time, by complexity (by count in a
 *     zero-complexity batch); -1 when its batch never finished
 */
public record RecordedItem(
    long id,
    String key,
    long sizeBytes,
    double complexity,
    int priority,
    int lane,
    long submitNanos,
    long batchId,
    long startNanos,
    long endNanos,
    long serviceNanos,
    Outcome outcome,
    String reason)
{
    public boolean terminal()
    {
        return outcome != null;
    }
}
