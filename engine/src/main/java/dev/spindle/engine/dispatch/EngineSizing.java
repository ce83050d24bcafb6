package dev.spindle.engine.dispatch;

import dev.spindle.engine.Dispatch;
import dev.spindle.engine.WaitMode;

/**
 * Sizes the pool from the hardware, as the seed did (cores, and 50 MB of heap per worker), picks a
 * wait mode that never spins more threads than there are cores to spin on, and gives batch cutting
 * a thread of its own only where that thread would have a core of its own.
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
     * Spinning pays only when every spinning thread (the workers, a cutter thread and at least one
     * producer) has a core of its own; otherwise spinners steal the cores that would do the work.
     */
    public static WaitMode defaultWaitMode(final int cores, final int workers)
    {
        return cores >= workers + 2 ? WaitMode.BACKOFF : WaitMode.BLOCKING;
    }

    /**
     * {@link Dispatch#CUTTER_THREAD} only when the cutter and at least one producer would each have a
     * core beside the workers; otherwise the cutter would stand between producer and worker on a
     * shared core, and the workers cut for themselves.
     */
    public static Dispatch resolveDispatch(final Dispatch requested, final int cores, final int workers)
    {
        if (requested != Dispatch.AUTO)
        {
            return requested;
        }
        return cores >= workers + 2 ? Dispatch.CUTTER_THREAD : Dispatch.WORKERS_CUT;
    }

    /** One line saying who cuts and why, for the report and the journal's run header. */
    public static String dispatchReason(final Dispatch requested, final Dispatch resolved, final int cores, final int workers)
    {
        if (requested != Dispatch.AUTO)
        {
            return resolved + " (configured)";
        }
        return resolved == Dispatch.CUTTER_THREAD
            ? resolved + " (auto: " + cores + " cores leave one for the cutter beside " + workers + " workers and a producer)"
            : resolved + " (auto: " + workers + " workers on " + cores + " cores leave no core for a cutter thread)";
    }
}
