package dev.spindle.bench.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's PriorityQueue: a list kept sorted by linear insertion before the first element of lower
 * priority (so FIFO among equals), dequeued from the front. O(n) per enqueue, as in the seed.
 */
final class SeedQueue<T>
{
    private final List<T> items = new ArrayList<>();
    private final List<Integer> priorities = new ArrayList<>();

    void enqueue(final T item, final int priority)
    {
        for (int i = 0; i < items.size(); i++)
        {
            if (priority > priorities.get(i))
            {
                items.add(i, item);
                priorities.add(i, priority);
                return;
            }
        }
        items.add(item);
        priorities.add(priority);
    }

    T dequeue()
    {
        priorities.remove(0);
        return items.remove(0);
    }

    boolean isEmpty()
    {
        return items.isEmpty();
    }
}
