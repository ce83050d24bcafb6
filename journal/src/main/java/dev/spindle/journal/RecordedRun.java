package dev.spindle.journal;

import java.util.List;

/**
 * One engine run read back from a journal, items in submission order. {@code footer} is null when
 * the run did not close (a crash): its items without an outcome were in flight.
 */
public record RecordedRun(
    int index,
    RunHeader header,
    List<RecordedItem> items,
    List<RecordedBatch> batches,
    List<RecordedInterval> intervals,
    List<RecordedDecision> decisions,
    RunFooter footer)
{
    public boolean closed()
    {
        return footer != null;
    }
}
