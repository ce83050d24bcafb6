package dev.spindle.kafka;

import java.util.Arrays;

/**
 * Offsets completed beyond a partition's watermark, as ascending half-open ranges [start, end).
 * Reused: the poll thread clears and refills one per commit. Queried in ascending order by
 * {@link #contains}, which advances a cursor, so skipping a taken-over partition's completed
 * records costs O(1) a record.
 */
public final class CompletedRanges
{
    private long[] bounds;
    private int count;
    private int cursor;

    public CompletedRanges()
    {
        this(8);
    }

    public CompletedRanges(final int initialRanges)
    {
        bounds = new long[Math.max(2, initialRanges * 2)];
    }

    public void clear()
    {
        count = 0;
        cursor = 0;
    }

    /** Appends [start, end); ranges must come in ascending order and not overlap. */
    public void add(final long start, final long end)
    {
        if (end <= start)
        {
            throw new IllegalArgumentException("empty range [" + start + ", " + end + ")");
        }
        if (count > 0 && start < bounds[2 * count - 1])
        {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") overlaps or precedes " + end(count - 1));
        }
        if (2 * count + 2 > bounds.length)
        {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        count++;
    }

    public int size()
    {
        return count;
    }

    public long start(final int index)
    {
        return bounds[2 * index];
    }

    public long end(final int index)
    {
        return bounds[2 * index + 1];
    }

    /** Offsets covered by all ranges together. */
    public long offsets()
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += end(i) - start(i);
        }
        return total;
    }

    /** Whether {@code offset} is in a range; queries must not go backwards (the cursor only advances). */
    public boolean contains(final long offset)
    {
        while (cursor < count && end(cursor) <= offset)
        {
            cursor++;
        }
        return cursor < count && start(cursor) <= offset;
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            text.append(i == 0 ? "" : ", ").append('[').append(start(i)).append(", ").append(end(i)).append(')');
        }
        return text.append(']').toString();
    }
}
