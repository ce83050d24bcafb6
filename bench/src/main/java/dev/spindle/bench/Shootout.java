package dev.spindle.bench;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.spindle.engine.WaitMode;

/**
 * Settings every engine of the throughput shootout shares, so their items/s are comparable: each
 * JMH invocation publishes {@link #ITEMS} no-op items from the benchmark thread and returns only
 * once all of them have been counted complete.
 */
final class Shootout
{
    /** Items published per JMH invocation; every benchmark declares it as its operations per invocation. */
    static final int ITEMS = 100_000;

    /** Ring slots for the two ring-based engines (Spindle's default ring size). */
    static final int RING_SIZE = 4096;

    static final int MAX_BATCH_ITEMS = 256;

    /** Large enough that only the item count ever closes a batch. */
    static final double COMPLEXITY_BUDGET = 1.0e9;

    private Shootout()
    {
    }

    /** The Disruptor wait strategy that matches a Spindle wait mode of the same name. */
    static WaitStrategy disruptorWaitStrategy(final String waitMode)
    {
        switch (WaitMode.valueOf(waitMode))
        {
            case YIELDING:
                return new YieldingWaitStrategy();
            case BLOCKING:
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException("no matching Disruptor wait strategy for " + waitMode);
        }
    }
}
