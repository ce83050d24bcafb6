package dev.spindle.journal.replay;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;

/**
 * Stands in for the recorded processor: busy-spins each item's recorded service time on the
 * {@link System#nanoTime()} clock and fails the items the processor failed in the recording. It
 * replays a run on any configuration without the original files, at the price of reproducing CPU
 * time only: no I/O, no cache or memory effects, and a preempted spin still counts as done.
 */
final class SyntheticProcessor implements BatchProcessor<ReplayItem>
{
    @Override
    public void process(final Batch<ReplayItem> batch)
    {
        for (int i = 0, n = batch.size(); i < n; i++)
        {
            final ReplaySlot slot = batch.item(i).slot();
            if (slot != null)
            {
                spin(slot.serviceNanos);
                if (slot.fate == RecordedWorkload.FAILS_IN_BATCH)
                {
                    batch.fail(i, slot.failure);
                }
            }
        }
    }

    static void spin(final long nanos)
    {
        final long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0)
        {
            Thread.onSpinWait();
        }
    }
}
