package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;

/** One simulated batch: what the cutter put in it and, once handed to a worker, where and when it ran. */
final class SimBatch
{
    final long id;
    final long cutNanos;
    final CloseReason reason;
    final int[] items;
    final double complexity;
    final long workNanos;
    int worker = -1;
    long startNanos;
    long endNanos;

    SimBatch(final long id, final long cutNanos, final CloseReason reason, final int[] items, final double complexity, final long workNanos)
    {
        this.id = id;
        this.cutNanos = cutNanos;
        this.reason = reason;
        this.items = items;
        this.complexity = complexity;
        this.workNanos = workNanos;
    }

    long runNanos()
    {
        return endNanos - startNanos;
    }
}
