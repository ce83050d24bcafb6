package dev.spindle.engine.dispatch;

/**
 * The ring signal behind a cutter thread: a publish wakes the parked cutter only while some worker
 * is idle. With every worker busy a new item could not start anyway; the worker that frees up wakes
 * the cutter, and one wake-up then takes in everything that arrived meanwhile.
 */
final class ItemsWanted extends RingSignal
{
    private final Wakeup cutter;
    private final WorkCondition wanted = this::wanted;
    private volatile boolean idleWorker = true;

    ItemsWanted(final Wakeup cutter)
    {
        this.cutter = cutter;
    }

    /** Cutter thread: whether some active worker is idle, as of its last duty cycle. */
    void set(final boolean anyIdle)
    {
        if (anyIdle != idleWorker)
        {
            idleWorker = anyIdle;
        }
    }

    boolean wanted()
    {
        return idleWorker;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        cutter.signalIf(wanted);
    }
}
