package dev.spindle.engine.tune;

/**
 * One knob's memory: its last direction, its current step (log ratio, halved on every reversal
 * down to the dead band, doubled back on every move in the same direction) and how many intervals
 * a discretionary reversal must wait (doubled on every reversal). Forgotten after a quiet spell.
 */
final class StepDamper
{
    private static final int MAX_HOLD = 8;
    /** Intervals without a move after which a knob's damping is forgotten, so a new load meets full-sized steps. */
    private static final int QUIET_RESET = 10;

    private final double maxLog;
    private final double minLog;
    private double log;
    private int direction;
    private int hold = 1;
    private long lastMove = Long.MIN_VALUE / 2;

    StepDamper(final double maxLog, final double minLog)
    {
        this.maxLog = maxLog;
        this.minLog = minLog;
        this.log = maxLog;
    }

    /** The current step, as a log ratio. */
    double log()
    {
        return log;
    }

    double ratio()
    {
        return Math.exp(log);
    }

    /** True while reversals keep the step below its maximum. */
    boolean damped()
    {
        return log < maxLog;
    }

    /** The last move's direction: +1, -1, or 0 when none is remembered. */
    int direction()
    {
        return direction;
    }

    /** Intervals a discretionary reversal must wait after the last move. */
    int hold()
    {
        return hold;
    }

    long lastMove()
    {
        return lastMove;
    }

    boolean mayMove(final int towards, final long interval)
    {
        return direction == 0 || towards == direction || interval - lastMove > hold;
    }

    void moved(final int towards, final long interval)
    {
        if (direction != 0 && towards != direction)
        {
            log = Math.max(minLog, log / 2);
            hold = Math.min(MAX_HOLD, hold * 2);
        }
        else
        {
            log = Math.min(maxLog, log * 2);
        }
        direction = towards;
        lastMove = interval;
    }

    void tick(final long interval)
    {
        if (interval - lastMove > QUIET_RESET)
        {
            log = maxLog;
            hold = 1;
            direction = 0;
        }
    }
}
