package dev.spindle.engine.dispatch;

import dev.spindle.engine.WaitMode;

/**
 * How one engine thread waits when it has no work. One instance per thread, chosen once from the
 * engine's {@link WaitMode}; {@link #idle} is called on every empty duty cycle and {@link #reset}
 * whenever work was found.
 */
interface Idler
{
    void idle(Parker parker, WorkCondition hasWork, long maxParkNanos);

    void reset();

    static Idler create(final WaitMode mode)
    {
        switch (mode)
        {
            case BUSY_SPIN:
                return new SpinIdler();
            case YIELDING:
                return new YieldIdler();
            case BACKOFF:
                return new BackoffIdler(100, 50);
            case BLOCKING:
            default:
                return new BackoffIdler(0, 0);
        }
    }

    /** Never gives the core up: lowest wake-up latency, a full core per idle thread. */
    final class SpinIdler implements Idler
    {
        @Override
        public void idle(final Parker parker, final WorkCondition hasWork, final long maxParkNanos)
        {
            Thread.onSpinWait();
        }

        @Override
        public void reset()
        {
        }
    }

    /** Yields between checks: cheap to wake, but still burns its core when nothing else wants it. */
    final class YieldIdler implements Idler
    {
        @Override
        public void idle(final Parker parker, final WorkCondition hasWork, final long maxParkNanos)
        {
            Thread.yield();
        }

        @Override
        public void reset()
        {
        }
    }

    /**
     * Spins, then yields, then parks until signalled. With zero spins and yields this is plain
     * blocking: no CPU while idle, a few microseconds to wake.
     */
    final class BackoffIdler implements Idler
    {
        private final int spins;
        private final int yields;
        private int count;

        BackoffIdler(final int spins, final int yields)
        {
            this.spins = spins;
            this.yields = yields;
        }

        @Override
        public void idle(final Parker parker, final WorkCondition hasWork, final long maxParkNanos)
        {
            if (count < spins)
            {
                count++;
                Thread.onSpinWait();
            }
            else if (count < spins + yields)
            {
                count++;
                Thread.yield();
            }
            else
            {
                parker.park(hasWork, maxParkNanos);
            }
        }

        @Override
        public void reset()
        {
            count = 0;
        }
    }
}
