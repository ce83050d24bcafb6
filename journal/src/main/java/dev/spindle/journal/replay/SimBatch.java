package dev.spindle.journal.replay;

import dev.spindle.engine.CloseReason;

/** One simulated batch: what the cutter put in it and, once assigned, where and when it ran. */
final class SimBatch
{
    final long id;
    final long cutNanos;
    final CloseReason reason;
    final int[] items;
    final double complexity;
    final long workNanos;
    final long bytes;
    int worker = -1;
    long startNanos;
    long endNanos;

    SimBatch(final long id, final long cutNanos, final CloseReason reason, final int[] items, final double complexity, final long workNanos,
        final long bytes)
    {
        this.id = id;
        this.cutNanos = cutNanos;
        this.reason = reason;
        this.items = items;
        this.complexity = complexity;
        this.workNanos = workNanos;
        this.bytes = bytes;
    }

    long runNanos()
    {
        return endNanos - startNanos;
    }
}
