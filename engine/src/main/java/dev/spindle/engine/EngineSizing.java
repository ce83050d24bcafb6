package dev.spindle.engine;

/**
 * Sizes the pool from the hardware, as the seed did (cores, and 50 MB of heap per worker), and
 * picks a wait mode that never spins more threads than there are cores to spin on.
 */
public final class EngineSizing
{
    private EngineSizing()
    {
    }

    public static int defaultWorkers(final int cores, final long maxHeapBytes, final long memoryPerWorker, final int min, final int max)
    {
        final long forMemory = Math.max(1, maxHeapBytes / memoryPerWorker);
        final long chosen = Math.min(cores, forMemory);
        return (int)Math.max(min, Math.min(max, chosen));
    }

    /**
     * Spinning pays only when every spinning thread (the workers, the cutter and at least one
     * producer) has a core of its own; otherwise spinners steal the cores that would do the work.
     */
    public static WaitMode defaultWaitMode(final int cores, final int workers)
    {
        return cores >= workers + 2 ? WaitMode.BACKOFF : WaitMode.BLOCKING;
    }
}
