package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedRun;
import java.util.Locale;

/**
 * What a simulated batch costs beyond its items' own work, in nanoseconds.
 *
 * @param fixedNanosPerBatch run time every batch pays whatever it holds (the processor's set-up)
 * @param completionDispatchNanos a worker that just finished waits this long for its next batch when
 *     work is waiting: the cutter's wake-up, the hand-over and the worker's own wake-up
 * @param arrivalDispatchNanos an idle worker waits this long after the work it is given arrived (the wake-up)
 * @param dispatchNanosPerItem on top of either, per item of the batch handed over (cutting it, delivering the
 *     previous batch's outcomes, their journal records)
 */
public record Overheads(double fixedNanosPerBatch, double completionDispatchNanos, double arrivalDispatchNanos, double dispatchNanosPerItem)
{
    public static final Overheads NONE = new Overheads(0, 0, 0, 0);

    public Overheads
    {
        require(fixedNanosPerBatch, "fixedNanosPerBatch");
        require(completionDispatchNanos, "completionDispatchNanos");
        require(arrivalDispatchNanos, "arrivalDispatchNanos");
        require(dispatchNanosPerItem, "dispatchNanosPerItem");
    }

    /** Without a per-item dispatch cost. */
    public Overheads(final double fixedNanosPerBatch, final double completionDispatchNanos, final double arrivalDispatchNanos)
    {
        this(fixedNanosPerBatch, completionDispatchNanos, arrivalDispatchNanos, 0);
    }

    /** Estimated from a recording; see {@link OverheadEstimate}. */
    public static Overheads of(final RecordedRun run)
    {
        return OverheadEstimate.of(run, RecordedWorkload.of(run)).overheads();
    }

    public String describe()
    {
        return String.format(Locale.ROOT, "fixed %s per batch, hand-off %s after a completion, wake-up %s after an arrival, dispatch %s per item",
            AuditRow.duration(fixedNanosPerBatch), AuditRow.duration(completionDispatchNanos), AuditRow.duration(arrivalDispatchNanos),
            AuditRow.duration(dispatchNanosPerItem));
    }

    private static void require(final double value, final String name)
    {
        if (!(value >= 0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }
}
