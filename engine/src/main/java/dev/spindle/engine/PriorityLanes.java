package dev.spindle.engine;

/**
 * The cutter's staging area: FIFO lanes by priority, linked through the staged items themselves
 * (no allocation), plus an urgent lane for items whose deadline is near. The next item is the
 * urgent lane's head, else the oldest lane head that has waited past the aging bound (so a low
 * lane cannot starve), else the head of the highest non-empty lane. Single-threaded: the cutter's.
 */
final class PriorityLanes
{
    private static final int URGENT = 0;

    private final StagedItem[] heads;
    private final StagedItem[] tails;
    private final long agingBoundNanos;
    private int size;
    private double complexity;

    PriorityLanes(final int lanes, final long agingBoundNanos)
    {
        this.heads = new StagedItem[lanes + 1];
        this.tails = new StagedItem[lanes + 1];
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

    boolean hasUrgent()
    {
        return heads[URGENT] != null;
    }

    void add(final StagedItem item)
    {
        append(item.lane + 1, item);
        size++;
        complexity += item.complexity;
    }

    /** The item the next batch should take, or {@code null}; it stays staged until {@link #remove}. */
    StagedItem peekNext(final long now)
    {
        if (heads[URGENT] != null)
        {
            return heads[URGENT];
        }
        StagedItem aged = null;
        StagedItem first = null;
        for (int lane = 1; lane < heads.length; lane++)
        {
            final StagedItem head = heads[lane];
            if (head == null)
            {
                continue;
            }
            if (first == null)
            {
                first = head;
            }
            if (now - head.submitNanos >= agingBoundNanos && (aged == null || head.submitNanos < aged.submitNanos))
            {
                aged = head;
            }
        }
        return aged != null ? aged : first;
    }

    boolean isUrgent(final StagedItem item)
    {
        return laneHolding(item) == URGENT;
    }

    /** Removes an item {@link #peekNext} returned (always the head of its lane). */
    void remove(final StagedItem item)
    {
        final int lane = laneHolding(item);
        heads[lane] = item.next;
        if (heads[lane] == null)
        {
            tails[lane] = null;
        }
        item.next = null;
        size--;
        complexity -= item.complexity;
        if (size == 0)
        {
            complexity = 0; // no drift from floating-point subtraction
        }
    }

    /** Submission time of the oldest staged item, or {@link Long#MAX_VALUE} when empty. */
    long oldestStagedNanos()
    {
        long oldest = Long.MAX_VALUE;
        for (int lane = 1; lane < heads.length; lane++)
        {
            if (heads[lane] != null)
            {
                oldest = Math.min(oldest, heads[lane].submitNanos);
            }
        }
        for (StagedItem item = heads[URGENT]; item != null; item = item.next)
        {
            oldest = Math.min(oldest, item.submitNanos);
        }
        return oldest;
    }

    /**
     * Walks every lane: items already past their deadline go to {@code expired}; items due before
     * {@code urgentBefore} move to the urgent lane. Returns the earliest deadline left in the
     * ordinary lanes, or {@link Long#MAX_VALUE}.
     */
    long scanDeadlines(final long now, final long urgentBefore, final ExpiredSink expired)
    {
        long earliest = Long.MAX_VALUE;
        for (int lane = 0; lane < heads.length; lane++)
        {
            StagedItem previous = null;
            StagedItem item = heads[lane];
            while (item != null)
            {
                final StagedItem next = item.next;
                final long deadline = item.deadlineNanos;
                final boolean expire = deadline <= now;
                final boolean promote = !expire && lane != URGENT && deadline < urgentBefore;
                if (expire || promote)
                {
                    unlink(lane, previous, item);
                    if (expire)
                    {
                        size--;
                        complexity -= item.complexity;
                        expired.expired(item, now);
                    }
                    else
                    {
                        append(URGENT, item);
                    }
                }
                else
                {
                    if (lane != URGENT && deadline != Item.NO_DEADLINE)
                    {
                        earliest = Math.min(earliest, deadline);
                    }
                    previous = item;
                }
                item = next;
            }
        }
        if (size == 0)
        {
            complexity = 0;
        }
        return earliest;
    }

    /** Empties every lane into {@code sink}. */
    void drainTo(final ExpiredSink sink, final long now)
    {
        for (int lane = 0; lane < heads.length; lane++)
        {
            StagedItem item = heads[lane];
            heads[lane] = null;
            tails[lane] = null;
            while (item != null)
            {
                final StagedItem next = item.next;
                item.next = null;
                sink.expired(item, now);
                item = next;
            }
        }
        size = 0;
        complexity = 0;
    }

    private int laneHolding(final StagedItem item)
    {
        return heads[URGENT] == item ? URGENT : item.lane + 1;
    }

    private void append(final int lane, final StagedItem item)
    {
        item.next = null;
        if (tails[lane] == null)
        {
            heads[lane] = item;
        }
        else
        {
            tails[lane].next = item;
        }
        tails[lane] = item;
    }

    private void unlink(final int lane, final StagedItem previous, final StagedItem item)
    {
        if (previous == null)
        {
            heads[lane] = item.next;
        }
        else
        {
            previous.next = item.next;
        }
        if (tails[lane] == item)
        {
            tails[lane] = previous;
        }
        item.next = null;
    }

    @FunctionalInterface
    interface ExpiredSink
    {
        void expired(StagedItem item, long now);
    }
}
