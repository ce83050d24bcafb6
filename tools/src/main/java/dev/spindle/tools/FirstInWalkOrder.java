package dev.spindle.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Keeps the {@code limit} records with the lowest walk ids, whatever order they arrive in (outcomes come
 * from every worker): a run with millions of entries to list keeps the first ones and the caller counts
 * the rest. A heap with the highest kept id at its head, so a lower one displaces it in O(log n).
 */
final class FirstInWalkOrder<T>
{
    private final int limit;
    private final Comparator<T> byId;
    private final PriorityQueue<T> kept;

    FirstInWalkOrder(final int limit, final ToLongFunction<T> id)
    {
        this.limit = limit;
        this.byId = Comparator.comparingLong(id);
        this.kept = new PriorityQueue<>(byId.reversed());
    }

    synchronized void offer(final T record)
    {
        if (kept.size() < limit)
        {
            kept.add(record);
        }
        else if (byId.compare(record, kept.peek()) < 0)
        {
            kept.poll();
            kept.add(record);
        }
    }

    /** The kept records in walk order. */
    synchronized List<T> inWalkOrder()
    {
        final List<T> sorted = new ArrayList<>(kept);
        sorted.sort(byId);
        return sorted;
    }
}
