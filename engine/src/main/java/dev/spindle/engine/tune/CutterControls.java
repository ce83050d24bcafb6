package dev.spindle.engine.tune;

/**
 * The cutting knobs the tuner may move. The tuner writes them once per interval; the cutter reads
 * them at each cut, so a change takes effect at the next cut and never half-way through one.
 */
public final class CutterControls
{
    private volatile double complexityBudget;
    private volatile long lingerNanos;
    private volatile long deadlineSlackNanos;
    private volatile int activeWorkers;

    public CutterControls(final double budget, final long lingerNanos, final long slackNanos, final int workers)
    {
        this.complexityBudget = budget;
        this.lingerNanos = lingerNanos;
        this.deadlineSlackNanos = slackNanos;
        this.activeWorkers = workers;
    }

    public double complexityBudget()
    {
        return complexityBudget;
    }

    public long lingerNanos()
    {
        return lingerNanos;
    }

    public long deadlineSlackNanos()
    {
        return deadlineSlackNanos;
    }

    public int activeWorkers()
    {
        return activeWorkers;
    }

    /** Values outside what the engine can honour are clamped, never trusted. */
    public void set(final double budget, final long linger, final long slack, final int active, final int maxWorkers)
    {
        if (budget > 0 && Double.isFinite(budget))
        {
            complexityBudget = budget;
        }
        lingerNanos = Math.max(0, linger);
        deadlineSlackNanos = Math.max(0, slack);
        activeWorkers = Math.max(1, Math.min(maxWorkers, active));
    }
}
