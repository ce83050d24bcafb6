package dev.spindle.tools.report;

import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.util.List;

/**
 * Per-worker utilization per interval, which the journal's intervals do not carry, derived from the
 * finished batches' (worker, start, end): each batch's run time is split over the intervals it overlaps.
 * A batch still running (or never finished) counts nothing, so a live view under-reads slow batches.
 */
public final class WorkerBusy
{
    private WorkerBusy()
    {
    }

    /** Workers the header configured, or more if a batch ran on a higher worker index (elastic workers). */
    public static int workers(final RecordedRun run)
    {
        int workers = Math.max(1, run.header().engine().workers());
        for (final RecordedBatch batch : run.batches())
        {
            workers = Math.max(workers, batch.worker() + 1);
        }
        return workers;
    }

    /** {@code [worker][interval]}: the share of each interval's length that worker spent running batches. */
    public static double[][] perInterval(final RecordedRun run)
    {
        final List<RecordedInterval> intervals = run.intervals();
        final double[][] busy = new double[workers(run)][intervals.size()];
        if (intervals.isEmpty())
        {
            return busy;
        }
        for (final RecordedBatch batch : run.batches())
        {
            if (!batch.finished() || batch.worker() < 0)
            {
                continue;
            }
            for (int i = firstEndingAfter(intervals, batch.startNanos()); i < intervals.size(); i++)
            {
                final RecordedInterval interval = intervals.get(i);
                if (interval.startNanos() >= batch.endNanos())
                {
                    break;
                }
                final long overlap = Math.min(batch.endNanos(), end(interval)) - Math.max(batch.startNanos(), interval.startNanos());
                if (overlap > 0 && interval.lengthNanos() > 0)
                {
                    busy[batch.worker()][i] += (double)overlap / interval.lengthNanos();
                }
            }
        }
        return busy;
    }

    private static long end(final RecordedInterval interval)
    {
        return interval.startNanos() + interval.lengthNanos();
    }

    private static int firstEndingAfter(final List<RecordedInterval> intervals, final long nanos)
    {
        int low = 0;
        int high = intervals.size();
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (end(intervals.get(mid)) <= nanos)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
