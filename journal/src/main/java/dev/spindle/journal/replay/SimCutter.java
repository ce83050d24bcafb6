package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.dispatch.BatchFill;
import dev.spindle.engine.dispatch.CutSizing;
import dev.spindle.engine.dispatch.PriorityLanes;
import java.util.Arrays;

/**
 * The simulated cut, with the engine's own sizing: a {@code sharers} share of what waits in the lanes,
 * by count ({@link CutSizing}, as the engine's range cutter under unit cost) or by complexity
 * ({@link BatchFill}), at most a budget and the maximum count; a range batch ends before a skipped slot.
 */
final class SimCutter
{
    private final RecordedWorkload w;
    private final long[] work;
    private final PriorityLanes lanes;
    private final SimRing ring;
    private final int maxItems;
    private final int[] scratch;
    private final BatchFill fill = new BatchFill();
    private long nextBatchId;

    SimCutter(final RecordedWorkload w, final long[] work, final PriorityLanes lanes, final SimRing ring, final int maxItems)
    {
        this.w = w;
        this.work = work;
        this.lanes = lanes;
        this.ring = ring;
        this.maxItems = maxItems;
        this.scratch = new int[Math.max(1, Math.min(maxItems, w.size))];
    }

    /** Range cutting under unit cost, with no skipped slot seen: batches are sized by count alone (RangeCutter.cutCounted). */
    boolean counted()
    {
        return !w.laned && w.unitCost && !ring.skipsSeen();
    }

    long batches()
    {
        return nextBatchId;
    }

    SimBatch cut(final int sharers, final CloseReason partial, final double budget, final long now)
    {
        int size = 0;
        double complexity = 0;
        long workNanos = 0;
        final CloseReason reason;
        if (counted())
        {
            final int target = CutSizing.countTarget(lanes.size(), sharers, budget, maxItems, true);
            int item;
            while (size < target && (item = lanes.peekNext(now)) != PriorityLanes.NONE)
            {
                lanes.remove(item);
                scratch[size++] = item;
                complexity += w.complexity[item];
                workNanos += work[item];
            }
            reason = CutSizing.countedReason(size, maxItems, budget, partial);
        }
        else
        {
            fill.start(lanes.complexity(), lanes.size(), sharers, budget, maxItems, partial);
            while (!fill.isClosed())
            {
                final int item = lanes.peekNext(now);
                if (item == PriorityLanes.NONE || !fill.takes(w.complexity[item]))
                {
                    break;
                }
                lanes.remove(item);
                fill.took(w.complexity[item]);
                scratch[size++] = item;
                workNanos += work[item];
                if (!w.laned && ring.endsRange(item))
                {
                    break; // the next ring slot is skipped: a range batch ends before it
                }
            }
            complexity = fill.complexity();
            reason = fill.reason();
        }
        return new SimBatch(nextBatchId++, now, reason, Arrays.copyOf(scratch, size), complexity, workNanos);
    }
}
