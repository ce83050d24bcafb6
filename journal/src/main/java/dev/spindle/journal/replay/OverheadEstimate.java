package dev.spindle.journal.replay;

import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Estimates a recording's per-batch {@link Overheads} and each item's own work without them.
 * <ul>
 * <li>Fixed cost: the intercept of batch run time against batch complexity (against item count when
 *     every batch has the same complexity), least squares weighted by 1 / run time² so that a batch a
 *     preemption stretched counts little, clamped to [0, shortest batch].</li>
 * <li>Dispatch: for each batch, its start minus the later of its worker's previous end and its last
 *     item's submission, i.e. how long a free worker and ready work waited for each other. Split by
 *     which came last (completion or arrival), and averaged; a worker's first batch (its thread starting) is left out. A plain mean on purpose: the slow tail
 *     (a preempted wake-up on a busy machine) is part of what every batch pays, and trimming it
 *     predicted a 2-worker burst's makespan 8 % short where the mean lands within 1 %.</li>
 * <li>Per-item dispatch: the slope of the after-completion waits against the items of the batch handed over
 *     (through the medians of bins of the item count, kept only when positive; the hand-off is then the mean
 *     wait less the slope's share).</li>
 * <li>Contention ({@link Contention}): where the recorded workers had less than a core each, item work and
 *     the fixed cost are scaled down to what they cost on a core of their own.</li>
 * <li>Warm-up ({@link WarmUp}): items of the slow first stretch of a fresh JVM's run are taken at the steady
 *     rate; the simulation charges the stretch's factor again while its own stretch lasts.</li>
 * <li>Item work: a recorded item's service is its complexity share of its batch's run time, so it
 *     carries a share of the fixed cost; scaling it by (run − fixed) / run removes that share, and a
 *     simulated batch adds the fixed cost back once. An item without a finished batch (its service a
 *     stand-in, or a hand-made recording without batches) is scaled by the median batch's factor.</li>
 * </ul>
 * The estimate is only as good as the recording is typical: it cannot see the cutter's own CPU time,
 * nor costs that depend on the batch's composition beyond its complexity.
 */
record OverheadEstimate(Overheads overheads, long[] workNanos, int fittedBatches, int completionSamples, int arrivalSamples,
    Contention contention, WarmUp warmUp)
{
    private static final int SLOPE_BINS = 10;

    static OverheadEstimate of(final RecordedRun run, final RecordedWorkload w)
    {
        final List<RecordedBatch> finished = run.batches().stream().filter(RecordedBatch::finished).toList();
        final Contention contention = Contention.of(run);
        final double speed = contention.workerSpeed();
        final double fixed = fixedCost(finished);
        final long runStart = run.header().engine().startNanos();
        final WarmUp warmUp = WarmUp.of(finished, runStart, WarmUp.compilerShare(contention.cores(), run.header().engine().workers(),
            contention.backgroundThreads(contention.lengthNanos())));
        final long[] work = new long[w.size];
        final boolean[] scaled = new boolean[w.size];
        final double[] scales = new double[finished.size()];
        int scaledBatches = 0;
        for (final RecordedBatch batch : finished)
        {
            final long runNanos = batch.runNanos();
            final double scale = (runNanos > 0 ? Math.max(0, runNanos - fixed) / runNanos : 1) * speed
                / (warmUp.covers(batch.startNanos(), runStart) ? warmUp.factor() : 1);
            scales[scaledBatches++] = scale;
            for (final long id : batch.itemIds())
            {
                final int i = w.indexOf(id);
                if (i >= 0 && !scaled[i])
                {
                    scaled[i] = true;
                    work[i] = Math.round(w.serviceNanos[i] * scale);
                }
            }
        }
        Arrays.sort(scales, 0, scaledBatches);
        final double typicalScale = scaledBatches == 0 ? 1 : scales[(scaledBatches - 1) / 2];
        for (int i = 0; i < w.size; i++)
        {
            if (!scaled[i])
            {
                work[i] = Math.round(w.serviceNanos[i] * typicalScale);
            }
        }

        final RecordedBatch[] byWorker = finished.toArray(new RecordedBatch[0]);
        Arrays.sort(byWorker, Comparator.comparingInt(RecordedBatch::worker).thenComparingLong(RecordedBatch::startNanos));
        final long[] afterCompletion = new long[byWorker.length];
        final int[] handedItems = new int[byWorker.length];
        final long[] afterArrival = new long[byWorker.length];
        int completions = 0;
        int arrivals = 0;
        for (int b = 0; b < byWorker.length; b++)
        {
            final RecordedBatch batch = byWorker[b];
            long lastSubmit = Long.MIN_VALUE;
            for (final long id : batch.itemIds())
            {
                final int i = w.indexOf(id);
                if (i >= 0)
                {
                    lastSubmit = Math.max(lastSubmit, w.submitNanos[i]);
                }
            }
            if (lastSubmit == Long.MIN_VALUE)
            {
                continue;
            }
            final boolean hasPrevious = b > 0 && byWorker[b - 1].worker() == batch.worker();
            if (!hasPrevious)
            {
                continue; // a worker's first batch waited for its thread to start, not for a wake-up
            }
            final long previousEnd = byWorker[b - 1].endNanos();
            if (previousEnd >= lastSubmit)
            {
                if (parked(run.intervals(), batch.worker(), previousEnd, batch.startNanos()))
                {
                    continue; // the tuner had switched this worker off: its wait is not a hand-off
                }
                handedItems[completions] = batch.itemIds().length;
                afterCompletion[completions++] = Math.max(0, batch.startNanos() - previousEnd);
            }
            else
            {
                afterArrival[arrivals++] = Math.max(0, batch.startNanos() - lastSubmit);
            }
        }
        final double perItem = slope(handedItems, afterCompletion, completions);
        final double handOff = Math.max(0, mean(afterCompletion, completions) - perItem * mean(handedItems, completions));
        final double wakeUp = Math.max(0, mean(afterArrival, arrivals) - perItem * typicalItems(finished));
        final Overheads overheads = new Overheads(fixed * speed, handOff, wakeUp, perItem);
        return new OverheadEstimate(overheads, work, finished.size(), completions, arrivals, contention, warmUp);
    }

    private static double fixedCost(final List<RecordedBatch> batches)
    {
        double minComplexity = Double.POSITIVE_INFINITY;
        double maxComplexity = Double.NEGATIVE_INFINITY;
        long shortest = Long.MAX_VALUE;
        for (final RecordedBatch batch : batches)
        {
            if (!batch.bisected() && batch.runNanos() > 0)
            {
                minComplexity = Math.min(minComplexity, batch.complexity());
                maxComplexity = Math.max(maxComplexity, batch.complexity());
                shortest = Math.min(shortest, batch.runNanos());
            }
        }
        if (shortest == Long.MAX_VALUE)
        {
            return 0;
        }
        final boolean byComplexity = maxComplexity > minComplexity && Double.isFinite(maxComplexity);
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (final RecordedBatch batch : batches)
        {
            final long t = batch.runNanos();
            if (batch.bisected() || t <= 0)
            {
                continue;
            }
            final double x = byComplexity ? batch.complexity() : batch.itemIds().length;
            final double weight = 1.0 / ((double)t * t);
            sw += weight;
            sx += weight * x;
            sy += weight * t;
            sxx += weight * x * x;
            sxy += weight * x * t;
        }
        final double det = sw * sxx - sx * sx;
        if (!(Math.abs(det) > 1e-12 * sw * sxx))
        {
            return 0;
        }
        final double intercept = (sxx * sy - sx * sxy) / det;
        return Double.isFinite(intercept) ? Math.max(0, Math.min(shortest, intercept)) : 0;
    }

    /** Whether an interval overlapping [from, to] ran fewer active workers than {@code worker} + 1. */
    private static boolean parked(final List<RecordedInterval> intervals, final int worker, final long from, final long to)
    {
        int lo = 0;
        int hi = intervals.size();
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            final RecordedInterval interval = intervals.get(mid);
            if (interval.startNanos() + interval.lengthNanos() <= from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (int k = lo; k < intervals.size() && intervals.get(k).startNanos() <= to; k++)
        {
            if (intervals.get(k).activeWorkers() <= worker)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The slope of {@code y} against {@code x} through the medians of up to {@link #SLOPE_BINS} equal-count bins
     * of {@code x} (least squares over the bins), or 0 when it is not positive or cannot be fitted. The medians
     * keep a few long waits (a hand-off the OS preempted) from tilting it: one 3 ms wait on a large batch made a
     * plain least-squares slope 7-14 us per item from an open-loop recording whose hand-offs cost a few us.
     */
    private static double slope(final int[] x, final long[] y, final int n)
    {
        final int bins = Math.min(SLOPE_BINS, n / 3);
        if (bins < 2)
        {
            return 0;
        }
        final long[] byX = new long[n];
        for (int k = 0; k < n; k++)
        {
            byX[k] = (long)x[k] << 32 | k;
        }
        Arrays.sort(byX);
        final double[] mx = new double[bins];
        final double[] my = new double[bins];
        final long[] ys = new long[n];
        for (int b = 0; b < bins; b++)
        {
            final int from = b * n / bins;
            final int to = (b + 1) * n / bins;
            for (int k = from; k < to; k++)
            {
                ys[k - from] = y[(int)byX[k]];
            }
            Arrays.sort(ys, 0, to - from);
            mx[b] = byX[(from + to) / 2] >>> 32;
            my[b] = ys[(to - from) / 2];
        }
        final double meanX = Arrays.stream(mx).average().orElse(0);
        final double meanY = Arrays.stream(my).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (int b = 0; b < bins; b++)
        {
            sxx += (mx[b] - meanX) * (mx[b] - meanX);
            sxy += (mx[b] - meanX) * (my[b] - meanY);
        }
        final double slope = sxx > 0 ? sxy / sxx : 0;
        return slope > 0 && Double.isFinite(slope) ? slope : 0;
    }

    private static double typicalItems(final List<RecordedBatch> batches)
    {
        double sum = 0;
        for (final RecordedBatch batch : batches)
        {
            sum += batch.itemIds().length;
        }
        return batches.isEmpty() ? 0 : sum / batches.size();
    }

    private static double mean(final int[] samples, final int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += samples[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double mean(final long[] samples, final int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += samples[i];
        }
        return n == 0 ? 0 : sum / n;
    }
}
