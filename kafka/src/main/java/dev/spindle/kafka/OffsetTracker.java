package dev.spindle.kafka;

/**
 * One partition's fetched records in offset order, each pending or done, on a fixed ring sized once
 * (the pause bound plus one poll's records), so tracking allocates nothing. The watermark, the offset
 * to commit, is the lowest pending record's offset; offsets the topic skipped (compaction, transaction
 * markers) count as done. Poll thread only.
 */
public final class OffsetTracker
{
    /** Returned by {@link #watermark()} before the first record is fetched: nothing to commit yet. */
    public static final long NONE = -1;
    /** Returned by {@link #track} for an offset at or below one already tracked: the position moved back. */
    public static final long REFETCHED = -2;

    private final long[] offsets;
    private final boolean[] done;
    private final int mask;
    private long head;
    private long tail;
    private long next = NONE;
    private int pending;

    public OffsetTracker(final int capacity)
    {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        offsets = new long[size];
        done = new boolean[size];
        mask = size - 1;
    }

    /**
     * Registers a fetched record; returns its ticket for {@link #complete}, or {@link #REFETCHED} when the offset is
     * not above every offset tracked so far. That happens when the consumer's position moves back (an offset reset
     * after the log was truncated): the record was tracked when first fetched, and is done or in flight under that
     * ticket, so the copy is not tracked again and the records after it still are.
     */
    public long track(final long offset)
    {
        if (offset < next)
        {
            return REFETCHED;
        }
        if (tail - head == offsets.length)
        {
            throw new IllegalStateException("tracker full at " + offsets.length + " records: the partition should have been paused");
        }
        final int at = (int)(tail & mask);
        offsets[at] = offset;
        done[at] = false;
        next = offset + 1;
        pending++;
        return tail++;
    }

    /** Marks a record done; false when the ticket is stale (already done or no longer tracked). */
    public boolean complete(final long ticket, final long offset)
    {
        if (ticket < head || ticket >= tail)
        {
            return false;
        }
        final int at = (int)(ticket & mask);
        if (offsets[at] != offset || done[at])
        {
            return false;
        }
        done[at] = true;
        pending--;
        while (head < tail && done[(int)(head & mask)])
        {
            head++;
        }
        return true;
    }

    /** The offset to commit: the lowest pending record's, else one past the last fetched; {@link #NONE} before any fetch. */
    public long watermark()
    {
        return head < tail ? offsets[(int)(head & mask)] : next;
    }

    /** One past the last fetched offset; {@link #NONE} before any fetch. */
    public long fetchedUpTo()
    {
        return next;
    }

    /** Records fetched and not yet done. */
    public int pending()
    {
        return pending;
    }

    /** Records held from the watermark on, done or not: the gap that bounds the ring. */
    public int span()
    {
        return (int)(tail - head);
    }

    public int capacity()
    {
        return offsets.length;
    }

    /** Fills {@code into} with the offsets done beyond the watermark, skipped offsets included. */
    public void completedBeyondWatermark(final CompletedRanges into)
    {
        into.clear();
        long runStart = NONE;
        for (long ticket = head; ticket < tail; ticket++)
        {
            final int at = (int)(ticket & mask);
            if (done[at])
            {
                if (runStart == NONE)
                {
                    runStart = offsets[(int)((ticket - 1) & mask)] + 1;
                }
            }
            else if (runStart != NONE)
            {
                into.add(runStart, offsets[at]);
                runStart = NONE;
            }
        }
        if (runStart != NONE)
        {
            into.add(runStart, next);
        }
    }
}
