package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;

/**
 * The cutter thread's policy, without a clock or a thread: which workers get a batch in one duty
 * cycle (a guided-self-scheduling share for each idle worker, then one full batch queued behind a
 * busy worker while the backlog or the linger says so), and when the cutter looks again. The
 * engine's {@link CutterThread} runs it over mailboxes with the real clock; the simulator runs it
 * over simulated workers. The price: two small interfaces called per worker per cycle.
 */
public final class CutterDuty
{
    /** The cutter looks again this soon when its timer is already due. */
    public static final long RETRY_NANOS = 50_000;

    /** The workers as the cutter sees them. */
    public interface Crew
    {
        /** The worker runs nothing and nothing waits for it. */
        boolean idle(int worker);

        /** The worker has a box (a mailbox) with nothing in it. */
        boolean hasFreeBox(int worker);

        /** Cuts a batch of a {@code sharers} share into a free box of the worker's and hands it over; false when nothing was cut. */
        boolean handOver(int worker, int sharers, CloseReason reason);
    }

    /** What waits to be cut. */
    public interface Backlog
    {
        /** The complexity waiting to be cut (items under unit cost). */
        double waitingComplexity();

        long waitingItems();

        /** Submit time of the oldest waiting item, or {@link Long#MAX_VALUE}. */
        long oldestWaitingNanos();
    }

    private CutterDuty()
    {
    }

    /** One duty cycle over the first {@code active} workers; returns the batches handed over. */
    public static int cycle(final Crew crew, final Backlog backlog, final int active, final double budget, final int maxItems,
        final long lingerNanos, final boolean draining, final long now)
    {
        int handed = 0;
        for (int w = 0; w < active; w++)
        {
            if (crew.idle(w))
            {
                if (!crew.handOver(w, active, CloseReason.IDLE_WORKER))
                {
                    break;
                }
                handed++;
            }
        }
        for (int w = 0; w < active; w++)
        {
            final CloseReason ahead;
            if (crew.hasFreeBox(w) && !crew.idle(w) && (ahead = queueBehind(backlog, active, budget, maxItems, lingerNanos, draining, now)) != null)
            {
                if (!crew.handOver(w, 1, ahead))
                {
                    break;
                }
                handed++;
            }
        }
        return handed;
    }

    /**
     * Why a batch is worth queueing behind a busy worker now, or null: a full batch (by budget, or by
     * count for free items) per active worker waits, the engine drains, or the oldest item waited a linger.
     */
    public static CloseReason queueBehind(final Backlog backlog, final int active, final double budget, final int maxItems,
        final long lingerNanos, final boolean draining, final long now)
    {
        final double complexity = backlog.waitingComplexity();
        final long items = backlog.waitingItems();
        if (items <= 0)
        {
            return null;
        }
        if (complexity >= budget * active || items >= (long)maxItems * active)
        {
            return CloseReason.BUDGET;
        }
        if (draining)
        {
            return CloseReason.DRAIN;
        }
        return now - backlog.oldestWaitingNanos() >= lingerNanos ? CloseReason.LINGER : null;
    }

    public static boolean anyIdle(final Crew crew, final int active)
    {
        for (int w = 0; w < active; w++)
        {
            if (crew.idle(w))
            {
                return true;
            }
        }
        return false;
    }

    public static boolean anyFreeBox(final Crew crew, final int active)
    {
        for (int w = 0; w < active; w++)
        {
            if (crew.hasFreeBox(w))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * When the cutter next has something to do: its own timer ({@code ownTimerNanos}, deadlines), and the
     * oldest item's linger where some worker has a box free (otherwise a worker's hand-back wakes it).
     */
    public static long nextTimer(final long now, final long ownTimerNanos, final boolean room, final long oldestWaitingNanos,
        final long lingerNanos)
    {
        final long lingerDue = oldestWaitingNanos == Long.MAX_VALUE ? Long.MAX_VALUE : oldestWaitingNanos + lingerNanos;
        final long timer = Math.min(ownTimerNanos, room ? lingerDue : Long.MAX_VALUE);
        return timer <= now ? now + RETRY_NANOS : timer;
    }

    /** How long the cutter parks while no worker is idle (publishes do not wake it then): a linger, at least the retry. */
    public static long lookPeriod(final long lingerNanos)
    {
        return Math.max(lingerNanos, RETRY_NANOS);
    }

    /** Until when the cutter parks: its next timer, and a look once a {@link #lookPeriod} while no worker is idle. */
    public static long parkUntil(final long now, final long nextTimer, final boolean idleWorker, final long lingerNanos)
    {
        return idleWorker ? nextTimer : Math.min(nextTimer, now + lookPeriod(lingerNanos));
    }
}
