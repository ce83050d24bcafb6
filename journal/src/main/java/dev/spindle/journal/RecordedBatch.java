package dev.spindle.journal;

import dev.spindle.engine.CloseReason;

/** One cut batch; start and end are -1 (worker and cpu too) when it never ran to completion. */
public record RecordedBatch(
    long batchId,
    long cutNanos,
    long[] itemIds,
    double complexity,
    CloseReason closeReason,
    int worker,
    int cpu,
    long startNanos,
    long endNanos,
    boolean bisected)
{
    public boolean finished()
    {
        return endNanos >= 0;
    }

    public long runNanos()
    {
        return finished() ? endNanos - startNanos : -1;
    }
}
