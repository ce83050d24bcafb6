package dev.spindle.engine.dispatch;

import dev.spindle.engine.Pinning;

import java.lang.System.Logger.Level;
import net.openhft.affinity.AffinityLock;

/**
 * Pins worker threads to CPUs with OpenHFT affinity, all or none: a pool half pinned and half not
 * gets the worst of both. Decided once at start from the CPUs the OS lets affinity reserve; when
 * there are too few (or affinity does not work here), the workers run unpinned and one line says why.
 */
public final class CpuPinning
{
    private static final System.Logger LOG = System.getLogger(CpuPinning.class.getName());

    private final boolean enabled;
    private final String decision;

    private CpuPinning(final boolean enabled, final String decision)
    {
        this.enabled = enabled;
        this.decision = decision;
    }

    /** OpenHFT's system property naming the CPUs it may reserve. */
    static final String RESERVED_PROPERTY = "affinity.reserved";

    static CpuPinning decide(final Pinning policy, final int workers)
    {
        if (policy == Pinning.NEVER)
        {
            return new CpuPinning(false, "pinning disabled by configuration");
        }
        int reservable;
        String problem = null;
        try
        {
            reservable = mostReservable(workers);
        }
        catch (final Throwable t)
        {
            reservable = 0;
            problem = t.toString();
        }
        if (reservable >= workers)
        {
            return new CpuPinning(true, "pinning " + workers + " workers on " + reservable + " reservable CPUs");
        }
        final String why = problem != null
            ? "CPU affinity is unavailable (" + problem + ")"
            : "only " + reservable + " CPU(s) can be reserved for " + workers + " workers";
        final String decision = "spindle: " + workers + " workers run unpinned: " + why;
        LOG.log(Level.INFO, decision);
        return new CpuPinning(false, decision);
    }

    /**
     * OpenHFT reserves every CPU but the first unless {@code affinity.reserved} says otherwise, so
     * when that is already too few the library (~0.2 s to load and probe) need not be touched.
     */
    private static int mostReservable(final int workers)
    {
        final int ceiling = Runtime.getRuntime().availableProcessors() - 1;
        if (System.getProperty(RESERVED_PROPERTY) == null && ceiling < workers)
        {
            return Math.max(0, ceiling);
        }
        return AffinityLock.RESERVED_AFFINITY.cardinality();
    }

    boolean enabled()
    {
        return enabled;
    }

    public String decision()
    {
        return decision;
    }

    /** Returns a lock to release when the thread ends, or {@code null} when it runs unpinned. */
    Object pinCurrentThread(final WorkerSlot<?> slot)
    {
        if (!enabled)
        {
            return null;
        }
        try
        {
            final AffinityLock lock = AffinityLock.acquireLock();
            if (lock.isBound())
            {
                slot.pinnedCpu = lock.cpuId();
                return lock;
            }
            lock.release();
        }
        catch (final RuntimeException | LinkageError e)
        {
            LOG.log(Level.WARNING, "worker " + slot.id + " could not be pinned: " + e);
        }
        slot.pinnedCpu = -1;
        return null;
    }

    void release(final Object lock)
    {
        if (lock instanceof AffinityLock)
        {
            ((AffinityLock)lock).release();
        }
    }
}
