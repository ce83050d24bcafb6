package dev.spindle.journal.replay;

import dev.spindle.engine.ComplexityScorer;
import dev.spindle.engine.Item;
import dev.spindle.engine.PriorityScorer;

/**
 * Scores a replayed item with the complexity and priority the recording's cutter gave it, read from
 * its {@link ReplaySlot}, so the replayed cutter sees the same scores whatever scorer produced them.
 * An item whose scoring failed in the recording fails it again. Items without a slot score 0.
 */
final class RecordedScores implements ComplexityScorer, PriorityScorer
{
    static final RecordedScores INSTANCE = new RecordedScores();

    private RecordedScores()
    {
    }

    @Override
    public double complexity(final Item item)
    {
        if (item.attachment() instanceof ReplaySlot slot)
        {
            if (slot.fate == RecordedWorkload.FAILS_SCORING)
            {
                throw new IllegalStateException("replayed scoring failure: " + slot.failure);
            }
            return slot.complexity;
        }
        return 0;
    }

    @Override
    public int priority(final Item item)
    {
        return item.attachment() instanceof ReplaySlot slot ? slot.priority : 0;
    }
}
