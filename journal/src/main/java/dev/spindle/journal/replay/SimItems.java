package dev.spindle.journal.replay;

import dev.spindle.engine.DeadlineFunction;
import dev.spindle.engine.dispatch.PriorityLanes;

/**
 * The simulated items as the engine's {@link PriorityLanes} sees them: their recorded lane (one lane
 * when the recording cut ring ranges in place) and complexity, their simulated submission time and ring
 * order. No deadlines: a recording does not say what they were.
 */
final class SimItems implements PriorityLanes.Items
{
    private final RecordedWorkload w;
    private final long[] submitAt;
    private final SimRing ring;

    /** @param submitAt when each item was published in the simulation, filled in as it goes */
    SimItems(final RecordedWorkload w, final long[] submitAt, final SimRing ring)
    {
        this.w = w;
        this.submitAt = submitAt;
        this.ring = ring;
    }

    @Override
    public int lane(final int item)
    {
        return w.laned ? w.lane[item] : 0;
    }

    @Override
    public double complexity(final int item)
    {
        return w.complexity[item];
    }

    @Override
    public long submitNanos(final int item)
    {
        return submitAt[item];
    }

    @Override
    public long deadlineNanos(final int item)
    {
        return DeadlineFunction.NO_DEADLINE;
    }

    @Override
    public long order(final int item)
    {
        return ring.sequence(item);
    }
}
