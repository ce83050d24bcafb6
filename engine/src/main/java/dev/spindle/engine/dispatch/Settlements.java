package dev.spindle.engine.dispatch;

import java.util.Arrays;

/**
 * How the processor settled each position of one batch: outcome, result and failure reason, in three
 * arrays sized for the largest batch and reused. Only the arrays that were written are cleared, so a
 * batch that succeeded without results costs one fill of bytes, not three. Single-threaded: the
 * worker running the batch (or the watchdog after it won the batch).
 */
final class Settlements
{
    private static final byte UNSETTLED = 0;
    private static final byte SUCCEEDED = 1;
    private static final byte FAILED = 2;
    private static final String NO_REASON = "failed (no reason given)";

    private final byte[] outcomes;
    private final Object[] results;
    private final String[] reasons;
    /** Which arrays hold something to clear: outcomes at all, any result, any reason. */
    private boolean settled;
    private boolean resulted;
    private boolean failed;

    Settlements(final int capacity)
    {
        this.outcomes = new byte[capacity];
        this.results = new Object[capacity];
        this.reasons = new String[capacity];
    }

    void succeed(final int k, final Object result)
    {
        outcomes[k] = SUCCEEDED;
        settled = true;
        if (result != null || resulted)
        {
            results[k] = result;
            resulted = true;
        }
    }

    void fail(final int k, final String reason)
    {
        outcomes[k] = FAILED;
        if (resulted)
        {
            results[k] = null;
        }
        reasons[k] = reason == null ? NO_REASON : reason;
        settled = true;
        failed = true;
    }

    /** Clears positions {@code [from, to)} for a (re)run. */
    void clear(final int from, final int to)
    {
        if (settled)
        {
            Arrays.fill(outcomes, from, to, UNSETTLED);
        }
        if (resulted)
        {
            Arrays.fill(results, from, to, null);
        }
        if (failed)
        {
            Arrays.fill(reasons, from, to, null);
        }
    }

    /** Clears the first {@code size} positions and forgets what was written: ready for the next batch. */
    void reset(final int size)
    {
        clear(0, size);
        settled = false;
        resulted = false;
        failed = false;
    }

    /** Whether any of the first {@code size} positions failed. */
    boolean anyFailed(final int size)
    {
        if (!failed)
        {
            return false;
        }
        for (int k = 0; k < size; k++)
        {
            if (outcomes[k] == FAILED)
            {
                return true;
            }
        }
        return false;
    }

    boolean failedAt(final int k)
    {
        return outcomes[k] == FAILED;
    }

    Object resultAt(final int k)
    {
        return results[k];
    }

    String reasonAt(final int k)
    {
        return reasons[k];
    }
}
