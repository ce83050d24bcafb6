package dev.spindle.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Counts delivered outcomes by kind. */
interface OutcomeCounter
{
    void increment(Outcome outcome);

    long get(Outcome outcome);

    /** For a counter only one thread at a time writes: an ordered store, no atomic read-modify-write. */
    final class SingleWriter implements OutcomeCounter
    {
        private final AtomicLongArray counts = new AtomicLongArray(Outcome.values().length);

        @Override
        public void increment(final Outcome outcome)
        {
            final int i = outcome.ordinal();
            counts.lazySet(i, counts.get(i) + 1);
        }

        @Override
        public long get(final Outcome outcome)
        {
            return counts.get(outcome.ordinal());
        }
    }

    /** For rarely used paths many threads may take at once (rejections at submission). */
    final class Shared implements OutcomeCounter
    {
        private final LongAdder[] counts = new LongAdder[Outcome.values().length];

        Shared()
        {
            for (int i = 0; i < counts.length; i++)
            {
                counts[i] = new LongAdder();
            }
        }

        @Override
        public void increment(final Outcome outcome)
        {
            counts[outcome.ordinal()].increment();
        }

        @Override
        public long get(final Outcome outcome)
        {
            return counts[outcome.ordinal()].sum();
        }
    }
}
