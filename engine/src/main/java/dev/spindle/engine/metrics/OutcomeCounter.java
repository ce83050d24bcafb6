package dev.spindle.engine.metrics;

import dev.spindle.engine.Outcome;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Counts delivered outcomes by kind. */
public interface OutcomeCounter
{
    void increment(Outcome outcome);

    /** Adds {@code count} outcomes of one kind: a whole batch at once. */
    void add(Outcome outcome, long count);

    long get(Outcome outcome);

    /** For a counter only one thread at a time writes: an ordered store, no atomic read-modify-write. */
    final class SingleWriter implements OutcomeCounter
    {
        /** Counts sit a cache line in from both ends, so counters of different threads never share a line. */
        static final int PAD = 8;
        private final AtomicLongArray counts = new AtomicLongArray(PAD + Outcome.values().length + PAD);

        @Override
        public void increment(final Outcome outcome)
        {
            final int i = PAD + outcome.ordinal();
            counts.lazySet(i, counts.get(i) + 1);
        }

        @Override
        public void add(final Outcome outcome, final long count)
        {
            final int i = PAD + outcome.ordinal();
            counts.lazySet(i, counts.get(i) + count);
        }

        @Override
        public long get(final Outcome outcome)
        {
            return counts.get(PAD + outcome.ordinal());
        }
    }

    /** For rarely used paths many threads may take at once (rejections at submission). */
    final class Shared implements OutcomeCounter
    {
        private final LongAdder[] counts = new LongAdder[Outcome.values().length];

        public Shared()
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
        public void add(final Outcome outcome, final long count)
        {
            counts[outcome.ordinal()].add(count);
        }

        @Override
        public long get(final Outcome outcome)
        {
            return counts[outcome.ordinal()].sum();
        }
    }
}
