package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedRun;
import java.util.Locale;

/**
 * What a simulated batch costs beyond its items' own work, in nanoseconds.
 *
 * @param fixedNanosPerBatch run time every batch pays whatever it holds (the processor's set-up)
 * @param completionDispatchNanos a worker that just finished waits this long for its next batch when
 *     work is waiting: the cutter's wake-up, the hand-over and the worker's own wake-up
 * @param arrivalDispatchNanos an idle worker waits this long after the work it is given arrived
 */
public record Overheads(double fixedNanosPerBatch, double completionDispatchNanos, double arrivalDispatchNanos)
{
    public static final Overheads NONE = new Overheads(0, 0, 0);

    public Overheads
    {
        require(fixedNanosPerBatch, "fixedNanosPerBatch");
        require(completionDispatchNanos, "completionDispatchNanos");
        require(arrivalDispatchNanos, "arrivalDispatchNanos");
    }

    /** Estimated from a recording; see {@link OverheadEstimate}. */
    public static Overheads of(final RecordedRun run)
    {
        return OverheadEstimate.of(run, RecordedWorkload.of(run)).overheads();
    }

    public String describe()
    {
        return String.format(Locale.ROOT, "fixed %s per batch, dispatch %s after a completion, %s after an arrival",
            AuditRow.duration(fixedNanosPerBatch), AuditRow.duration(completionDispatchNanos), AuditRow.duration(arrivalDispatchNanos));
    }

    private static void require(final double value, final String name)
    {
        if (!(value >= 0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }
}
