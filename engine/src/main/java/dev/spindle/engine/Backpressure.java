package dev.spindle.engine;

import java.time.Duration;
import java.util.Objects;

/** What {@code submit} does when the ring is full. Chosen once at build time. */
public final class Backpressure
{
    public enum Mode
    {
        /** Wait until there is room. */
        BLOCK,
        /** Return at once; the item is REJECTED. */
        TRY,
        /** Wait up to a timeout, then REJECT. */
        TIMEOUT
    }

    public static final Backpressure BLOCK = new Backpressure(Mode.BLOCK, Duration.ZERO);
    public static final Backpressure TRY = new Backpressure(Mode.TRY, Duration.ZERO);

    private final Mode mode;
    private final Duration timeout;

    private Backpressure(final Mode mode, final Duration timeout)
    {
        this.mode = mode;
        this.timeout = timeout;
    }

    public static Backpressure timeout(final Duration timeout)
    {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero())
        {
            throw new IllegalArgumentException("backpressure timeout must be positive, was " + timeout);
        }
        return new Backpressure(Mode.TIMEOUT, timeout);
    }

    public Mode mode()
    {
        return mode;
    }

    public Duration timeout()
    {
        return timeout;
    }

    @Override
    public String toString()
    {
        return mode == Mode.TIMEOUT ? "TIMEOUT(" + timeout + ")" : mode.name();
    }
}
