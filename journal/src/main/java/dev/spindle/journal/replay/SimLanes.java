package dev.spindle.journal.replay;

/**
 * The simulated cutter's staging area, as the engine's PriorityLanes without deadlines: FIFO lanes
 * linked through per-item index arrays (no node objects). The next item is the oldest lane head that
 * has waited past the aging bound, else the head of the highest non-empty lane.
 */
final class SimLanes
{
    private static final int NONE = -1;

    private final int[] heads;
    private final int[] tails;
    private final int[] next;
    private final int[] laneOf;
    private final double[] complexityOf;
    private final long[] submitNanos;
    private final long agingBoundNanos;
    private int size;
    private double complexity;

    SimLanes(final int lanes, final int[] laneOf, final double[] complexityOf, final long[] submitNanos, final long agingBoundNanos)
    {
        this.heads = new int[lanes];
        this.tails = new int[lanes];
        java.util.Arrays.fill(heads, NONE);
        java.util.Arrays.fill(tails, NONE);
        this.next = new int[laneOf.length];
        this.laneOf = laneOf;
        this.complexityOf = complexityOf;
        this.submitNanos = submitNanos;
        this.agingBoundNanos = agingBoundNanos;
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    double complexity()
    {
        return complexity;
    }

    void add(final int item)
    {
        final int lane = laneOf[item];
        next[item] = NONE;
        if (tails[lane] == NONE)
        {
            heads[lane] = item;
        }
        else
        {
            next[tails[lane]] = item;
        }
        tails[lane] = item;
        size++;
        complexity += complexityOf[item];
    }

    /** The item the next batch should take, or -1 when empty. */
    int peekNext(final long now)
    {
        int aged = NONE;
        int first = NONE;
        for (int lane = 0; lane < heads.length; lane++)
        {
            final int head = heads[lane];
            if (head == NONE)
            {
                continue;
            }
            if (first == NONE)
            {
                first = head;
            }
            if (now - submitNanos[head] >= agingBoundNanos && (aged == NONE || submitNanos[head] < submitNanos[aged]))
            {
                aged = head;
            }
        }
        return aged != NONE ? aged : first;
    }

    /** Removes an item {@link #peekNext} returned (always the head of its lane). */
    void remove(final int item)
    {
        final int lane = laneOf[item];
        heads[lane] = next[item];
        if (heads[lane] == NONE)
        {
            tails[lane] = NONE;
        }
        size--;
        complexity = size == 0 ? 0 : complexity - complexityOf[item];
    }

    /** Submission time of the oldest staged item, or {@link Long#MAX_VALUE} when empty. */
    long oldestSubmitNanos()
    {
        long oldest = Long.MAX_VALUE;
        for (final int head : heads)
        {
            if (head != NONE)
            {
                oldest = Math.min(oldest, submitNanos[head]);
            }
        }
        return oldest;
    }
}
