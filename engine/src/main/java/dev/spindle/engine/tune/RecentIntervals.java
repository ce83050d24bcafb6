package dev.spindle.engine.tune;

import java.util.Arrays;

/**
 * The last few clean intervals under unchanged knobs (p99, p99 queue wait, budget-closed share),
 * which a discretionary LATENCY move looks back on: their median and worst resist one noisy p99,
 * at the price of using slack only a few intervals after every change or drain.
 */
final class RecentIntervals
{
    /** Clean intervals under unchanged knobs a discretionary LATENCY move looks back on (their median and worst). */
    static final int WINDOW = 3;

    private int window;
    private final long[] recentP99 = new long[WINDOW];
    private final long[] recentQueueWait = new long[WINDOW];
    private final long[] recentBudgetBound = new long[WINDOW];

    /** Forgets the window: the next recorded interval is the first. */
    void restart()
    {
        window = 0;
    }

    void record(final IntervalSignals signals)
    {
        recentP99[window % WINDOW] = signals.p99EndToEndNanos();
        recentQueueWait[window % WINDOW] = signals.p99QueueWaitNanos();
        recentBudgetBound[window % WINDOW] = signals.budgetClosedBatches() * 1_000 / Math.max(1, signals.batches());
        window++;
    }

    /** Starts the window afresh with this interval alone. */
    void restartWith(final IntervalSignals signals)
    {
        restart();
        record(signals);
    }

    /** Clean intervals recorded since the last restart (not capped at the window's size). */
    int count()
    {
        return window;
    }

    /** Intervals the window holds: the count, capped at its size. */
    int span()
    {
        return Math.min(window, WINDOW);
    }

    /** The p99 of the interval recorded before the last one; meaningful once two are recorded. */
    long previousP99()
    {
        return recentP99[(window - 2) % WINDOW];
    }

    long medianP99()
    {
        return medianRecent(recentP99);
    }

    long worstP99()
    {
        return worstRecent(recentP99);
    }

    long worstQueueWait()
    {
        return worstRecent(recentQueueWait);
    }

    /** The median share of batches the budget closed, in permille. */
    long medianBudgetBound()
    {
        return medianRecent(recentBudgetBound);
    }

    /** The middle of the window (of two, their geometric mean): robust to one noisy interval either way. Shares are in permille. */
    private long medianRecent(final long[] recent)
    {
        final long[] values = Arrays.copyOf(recent, Math.min(window, WINDOW));
        Arrays.sort(values);
        return values.length == 2 ? Math.round(Math.sqrt((double)values[0] * values[1])) : values[values.length / 2];
    }

    private long worstRecent(final long[] recent)
    {
        long worst = 0;
        for (int i = 0; i < Math.min(window, WINDOW); i++)
        {
            worst = Math.max(worst, recent[i]);
        }
        return worst;
    }
}
