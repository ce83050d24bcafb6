package dev.spindle.engine;

/**
 * The cutter's tunable settings. The tuner writes them once per interval; the cutter reads them
 * once per duty cycle, so a change takes effect at the next cut and never half-way through one.
 */
final class CutterControls
{
    private volatile double complexityBudget;
    private volatile long lingerNanos;
    private volatile long deadlineSlackNanos;
    private volatile int activeWorkers;

    CutterControls(final EngineConfig config)
    {
        this.complexityBudget = config.complexityBudget();
        this.lingerNanos = config.maxLingerNanos();
        this.deadlineSlackNanos = config.deadlineSlackNanos();
        this.activeWorkers = config.workers();
    }

    double complexityBudget()
    {
        return complexityBudget;
    }

    long lingerNanos()
    {
        return lingerNanos;
    }

    long deadlineSlackNanos()
    {
        return deadlineSlackNanos;
    }

    int activeWorkers()
    {
        return activeWorkers;
    }

    /** Values outside what the engine can honour are clamped, never trusted. */
    void set(final double budget, final long linger, final long slack, final int active, final int maxWorkers)
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
