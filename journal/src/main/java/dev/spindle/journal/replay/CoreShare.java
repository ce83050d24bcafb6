package dev.spindle.journal.replay;

/**
 * The simulated machine's cores, shared: the running batches and a background load (what ran beside
 * the workers in the recording: the producer, the JIT compiler, the collector, the journal writer)
 * split the cores evenly, so each running batch progresses at min(1, cores ÷ (running + background))
 * of a core. Progress is kept on one virtual clock (CPU nanoseconds a batch running since time 0
 * would have had), so a batch's end is the moment the clock reaches its start plus its work, however
 * often the number running changes. The price of the fluid model: no time slices, no affinity, no
 * memory-bandwidth limit; with cores to spare every batch runs at full speed, as before.
 */
final class CoreShare
{
    private final double cores;
    private final double background;
    private int running;
    private double virtual;
    private long at;

    /** @param cores usable cores, {@link Double#POSITIVE_INFINITY} for as many as there are threads */
    CoreShare(final double cores, final double background, final long start)
    {
        this.cores = cores;
        this.background = Math.max(0, background);
        this.at = start;
    }

    /** Each running batch's share of a core now. */
    double speed()
    {
        return running == 0 ? 1 : Math.min(1, cores / (running + background));
    }

    /** Moves the clocks to {@code now}; the number running has not changed since the last call. */
    void advanceTo(final long now)
    {
        if (now > at)
        {
            virtual += (now - at) * speed();
            at = now;
        }
    }

    /** A batch starts now (after {@link #advanceTo}): returns the virtual time at which it ends. */
    double start(final double workNanos)
    {
        running++;
        return virtual + workNanos;
    }

    void finish()
    {
        running--;
    }

    /** Whether a batch ending at {@code virtualEnd} has ended by now (half a nanosecond of rounding allowed). */
    boolean ended(final double virtualEnd)
    {
        return virtualEnd <= virtual + 0.5;
    }

    /** The real time at which the virtual clock reaches {@code virtualEnd} if nothing changes before. */
    long realTimeOf(final double virtualEnd)
    {
        if (virtualEnd == Double.POSITIVE_INFINITY)
        {
            return Long.MAX_VALUE;
        }
        final double left = Math.max(0, virtualEnd - virtual);
        return at + (long)Math.ceil(left / speed());
    }
}
