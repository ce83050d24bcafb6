package dev.spindle.journal.replay;

/**
 * The simulation's pending batch completions: a binary min-heap of workers keyed by the time their
 * batch ends, ties broken by worker id so a run is deterministic. Primitive arrays, no boxing.
 */
final class CompletionHeap
{
    private final int[] workers;
    private final long[] times;
    private int size;

    CompletionHeap(final int capacity)
    {
        this.workers = new int[capacity];
        this.times = new long[capacity];
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /** The earliest completion time, or {@link Long#MAX_VALUE} when none is pending. */
    long peekTime()
    {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    void add(final int worker, final long time)
    {
        int i = size++;
        while (i > 0)
        {
            final int parent = (i - 1) >>> 1;
            if (!before(time, worker, times[parent], workers[parent]))
            {
                break;
            }
            workers[i] = workers[parent];
            times[i] = times[parent];
            i = parent;
        }
        workers[i] = worker;
        times[i] = time;
    }

    /** Removes the earliest completion and returns its worker. */
    int poll()
    {
        final int top = workers[0];
        final int lastWorker = workers[--size];
        final long lastTime = times[size];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && before(times[child + 1], workers[child + 1], times[child], workers[child]))
            {
                child++;
            }
            if (!before(times[child], workers[child], lastTime, lastWorker))
            {
                break;
            }
            workers[i] = workers[child];
            times[i] = times[child];
            i = child;
        }
        workers[i] = lastWorker;
        times[i] = lastTime;
        return top;
    }

    private static boolean before(final long t1, final int w1, final long t2, final int w2)
    {
        return t1 < t2 || t1 == t2 && w1 < w2;
    }
}
