package dev.spindle.journal.replay;

import dev.spindle.engine.CostFunction;
import dev.spindle.engine.PriorityFunction;

/**
 * Scores a replayed item with the complexity and priority the recording's engine gave it, carried
 * by the {@link ReplayItem}, so the replayed cutter sees the same scores whatever cost function
 * produced them. An item whose scoring failed in the recording fails it again.
 */
final class RecordedScores implements CostFunction<ReplayItem>, PriorityFunction<ReplayItem>
{
    static final RecordedScores INSTANCE = new RecordedScores();

    private RecordedScores()
    {
    }

    @Override
    public double cost(final ReplayItem item)
    {
        final ReplaySlot slot = item.slot();
        if (slot != null && slot.fate == RecordedWorkload.FAILS_SCORING)
        {
            throw new IllegalStateException("replayed scoring failure: " + slot.failure);
        }
        return item.complexity();
    }

    @Override
    public int priority(final ReplayItem item)
    {
        return item.priority();
    }
}
