package dev.spindle.engine.metrics;

/** Test support: the submit times of a batch of one item, submitted at 1 µs, weight 1. */
final class OneItem implements LatencyRecorders.SubmitTimes
{
    static final OneItem BATCH = new OneItem();

    @Override
    public int items()
    {
        return 1;
    }

    @Override
    public long submitNanos(final int item)
    {
        return 1_000;
    }

    @Override
    public int weight(final int item)
    {
        return 1;
    }
}
