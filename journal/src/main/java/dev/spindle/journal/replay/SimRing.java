package dev.spindle.journal.replay;

/**
 * The simulated ring's bookkeeping: sequences handed out in publish order, a slot free again once
 * every older one is (the ring is reused in order), and, for range cutting, where a range must end
 * because the next slot was skipped (its item's scoring failed). Plain arrays by item index.
 */
final class SimRing
{
    private final int size;
    private final int[] sequenceOf;
    private final boolean[] released;
    private final boolean[] endsRange;
    private int published;
    private int gate;
    private int lastStaged = -1;
    private boolean skipsSeen;

    SimRing(final int size, final int items)
    {
        this.size = size;
        this.sequenceOf = new int[items];
        this.released = new boolean[items];
        this.endsRange = new boolean[items];
    }

    boolean hasRoom()
    {
        return published - gate < size;
    }

    /** The item takes the next slot; returns its sequence. */
    int publish(final int item)
    {
        final int sequence = published++;
        sequenceOf[item] = sequence;
        return sequence;
    }

    /** The item went into the lanes (it will be cut). */
    void staged(final int item)
    {
        lastStaged = item;
    }

    /** The item's slot was published skipped (its scoring failed): nobody cuts it, and a range ends before it. */
    void skipped(final int item)
    {
        final int sequence = sequenceOf[item];
        release(item);
        skipsSeen = true;
        if (lastStaged >= 0 && sequenceOf[lastStaged] == sequence - 1)
        {
            endsRange[lastStaged] = true;
        }
    }

    /** The item has its outcome: its slot frees once every older one has. */
    void release(final int item)
    {
        released[sequenceOf[item]] = true;
        while (gate < published && released[gate])
        {
            gate++;
        }
    }

    int sequence(final int item)
    {
        return sequenceOf[item];
    }

    /** Range cutting: a batch ends at this item (the next slot is skipped). */
    boolean endsRange(final int item)
    {
        return endsRange[item];
    }

    boolean skipsSeen()
    {
        return skipsSeen;
    }
}
