package dev.spindle.journal.replay;

/**
 * How long the recording's producer took between one item and the next, without the time it spent
 * blocked on a full ring: the gap after the later of the previous submission and the moment it could
 * go on. A producer blocked on a full ring parks until half the ring is free (the engine's rule); the
 * ring's slots free in order, once every older item has its outcome. The simulator publishes each item
 * a gap after the previous one was published, so a recording made on a slow engine (its producer held
 * back by backpressure) does not hold back a what-if on a fast one, and an open-loop recording, never
 * blocked, keeps its inter-arrival times.
 */
final class ProducerGaps
{
    private ProducerGaps()
    {
    }

    /** Gap before each item, by submission order; the first item's is 0. */
    static long[] of(final RecordedWorkload w, final int ringSize)
    {
        final long[] gaps = new long[w.size];
        final long[] freedBy = new long[w.size]; // when every item up to and including i had its outcome
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < w.size; i++)
        {
            latest = Math.max(latest, w.endNanos[i]);
            freedBy[i] = latest;
        }
        final int half = Math.max(1, ringSize / 2);
        for (int i = 1; i < w.size; i++)
        {
            final long previous = w.submitNanos[i - 1];
            long goOn = previous;
            if (i >= ringSize && freedBy[i - ringSize] > previous)
            {
                goOn = freedBy[i - ringSize + half - 1]; // blocked until half the ring was free
            }
            gaps[i] = Math.max(0, w.submitNanos[i] - goOn);
        }
        return gaps;
    }
}
