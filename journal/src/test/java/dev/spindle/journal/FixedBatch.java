package dev.spindle.journal;

import dev.spindle.engine.Batch;
import dev.spindle.engine.CloseReason;

/** A reusable {@link Batch} view over preallocated items, for driving a tap directly. */
final class FixedBatch implements Batch<FixedItem>
{
    final FixedItem[] items;
    int size;
    long batchId;

    FixedBatch(final int capacity)
    {
        items = new FixedItem[capacity];
        for (int i = 0; i < capacity; i++)
        {
            items[i] = new FixedItem();
        }
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public FixedItem item(final int index)
    {
        return items[index];
    }

    @Override
    public double complexity()
    {
        return size * 1.5;
    }

    @Override
    public long batchId()
    {
        return batchId;
    }

    @Override
    public CloseReason closeReason()
    {
        return CloseReason.COUNT;
    }

    @Override
    public int workerId()
    {
        return 0;
    }

    @Override
    public void succeed(final int index, final Object result)
    {
    }

    @Override
    public void fail(final int index, final String reason)
    {
    }

    @Override
    public boolean isAbandoned()
    {
        return false;
    }
}
