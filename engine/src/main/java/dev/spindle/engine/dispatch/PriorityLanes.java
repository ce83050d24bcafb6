package dev.spindle.engine.dispatch;

import dev.spindle.engine.DeadlineFunction;
import java.util.Arrays;

/**
 * The staging area of lane cutting: FIFO lanes by priority over item handles (ring positions in the
 * engine, item indices in the simulator), linked through one int array, plus an urgent lane for
 * items whose deadline is near. The next item is the urgent lane's head, else the oldest lane head
 * that has waited past the aging bound (so a low lane cannot starve), else the head of the highest
 * non-empty lane. Single-threaded: whoever holds the cutting right. Allocates nothing after construction.
 */
public final class PriorityLanes
{
    /** What the lanes need to know about an item; the engine reads its ring slots, the simulator its arrays. */
    public interface Items
    {
        int lane(int item);

        double complexity(int item);

        long submitNanos(int item);

        long deadlineNanos(int item);

        /** Arrival order: lower first (the ring sequence). */
        long order(int item);
    }

    /** Receives items the lanes let go of without a batch (expired, or drained at shutdown). */
    @FunctionalInterface
    public interface Sink
    {
        void accept(int item, long now);
    }

    public static final int NONE = -1;
    private static final int URGENT = 0;

    private final Items items;
    private final int[] heads;
    private final int[] tails;
    private final int[] next;
    private final boolean[] urgent;
    private final long agingBoundNanos;
    private int size;
    private double complexity;

    public PriorityLanes(final int lanes, final int capacity, final long agingBoundNanos, final Items items)
    {
        this.items = items;
        this.heads = new int[lanes + 1];
        this.tails = new int[lanes + 1];
        Arrays.fill(heads, NONE);
        Arrays.fill(tails, NONE);
        this.next = new int[capacity];
        this.urgent = new boolean[capacity];
        this.agingBoundNanos = agingBoundNanos;
    }

    public int size()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public double complexity()
    {
        return complexity;
    }

    public boolean hasUrgent()
    {
        return heads[URGENT] != NONE;
    }

    public void add(final int item)
    {
        urgent[item] = false;
        append(items.lane(item) + 1, item);
        size++;
        complexity += items.complexity(item);
    }

    /** The item the next batch should take, or {@link #NONE}; it stays staged until {@link #remove}. */
    public int peekNext(final long now)
    {
        if (heads[URGENT] != NONE)
        {
            return heads[URGENT];
        }
        int aged = NONE;
        int first = NONE;
        for (int lane = 1; lane < heads.length; lane++)
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
            final long submitted = items.submitNanos(head);
            if (now - submitted >= agingBoundNanos && (aged == NONE || submitted < items.submitNanos(aged)))
            {
                aged = head;
            }
        }
        return aged != NONE ? aged : first;
    }

    public boolean isUrgent(final int item)
    {
        return urgent[item];
    }

    /** Removes an item {@link #peekNext} returned (always the head of its lane). */
    public void remove(final int item)
    {
        final int lane = laneHolding(item);
        heads[lane] = next[item];
        if (heads[lane] == NONE)
        {
            tails[lane] = NONE;
        }
        next[item] = NONE;
        size--;
        complexity -= items.complexity(item);
        if (size == 0)
        {
            complexity = 0; // no drift from floating-point subtraction
        }
    }

    /** Submission time of the oldest staged item, or {@link Long#MAX_VALUE} when empty. */
    public long oldestStagedNanos()
    {
        long oldest = Long.MAX_VALUE;
        for (int lane = 1; lane < heads.length; lane++)
        {
            if (heads[lane] != NONE)
            {
                oldest = Math.min(oldest, items.submitNanos(heads[lane]));
            }
        }
        for (int item = heads[URGENT]; item != NONE; item = next[item])
        {
            oldest = Math.min(oldest, items.submitNanos(item));
        }
        return oldest;
    }

    /** The lowest {@link Items#order} staged, or {@link Long#MAX_VALUE} when empty: each lane is in arrival order. */
    public long lowestOrder()
    {
        long lowest = Long.MAX_VALUE;
        for (int lane = 1; lane < heads.length; lane++)
        {
            if (heads[lane] != NONE)
            {
                lowest = Math.min(lowest, items.order(heads[lane]));
            }
        }
        for (int item = heads[URGENT]; item != NONE; item = next[item])
        {
            lowest = Math.min(lowest, items.order(item));
        }
        return lowest;
    }

    /**
     * Walks every lane: items already past their deadline go to {@code expired}; items due before
     * {@code urgentBefore} move to the urgent lane. Returns the earliest deadline left in the
     * ordinary lanes, or {@link Long#MAX_VALUE}.
     */
    public long scanDeadlines(final long now, final long urgentBefore, final Sink expired)
    {
        long earliest = Long.MAX_VALUE;
        for (int lane = 0; lane < heads.length; lane++)
        {
            int previous = NONE;
            int item = heads[lane];
            while (item != NONE)
            {
                final int following = next[item];
                final long deadline = items.deadlineNanos(item);
                final boolean expire = deadline <= now;
                final boolean promote = !expire && lane != URGENT && deadline < urgentBefore;
                if (expire || promote)
                {
                    unlink(lane, previous, item);
                    if (expire)
                    {
                        size--;
                        complexity -= items.complexity(item);
                        expired.accept(item, now);
                    }
                    else
                    {
                        urgent[item] = true;
                        append(URGENT, item);
                    }
                }
                else
                {
                    if (lane != URGENT && deadline != DeadlineFunction.NO_DEADLINE)
                    {
                        earliest = Math.min(earliest, deadline);
                    }
                    previous = item;
                }
                item = following;
            }
        }
        if (size == 0)
        {
            complexity = 0;
        }
        return earliest;
    }

    /** Empties every lane into {@code sink}. */
    public void drainTo(final Sink sink, final long now)
    {
        for (int lane = 0; lane < heads.length; lane++)
        {
            int item = heads[lane];
            heads[lane] = NONE;
            tails[lane] = NONE;
            while (item != NONE)
            {
                final int following = next[item];
                next[item] = NONE;
                sink.accept(item, now);
                item = following;
            }
        }
        size = 0;
        complexity = 0;
    }

    private int laneHolding(final int item)
    {
        return urgent[item] ? URGENT : items.lane(item) + 1;
    }

    private void append(final int lane, final int item)
    {
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
    }

    private void unlink(final int lane, final int previous, final int item)
    {
        if (previous == NONE)
        {
            heads[lane] = next[item];
        }
        else
        {
            next[previous] = next[item];
        }
        if (tails[lane] == item)
        {
            tails[lane] = previous;
        }
        next[item] = NONE;
    }
}
