package dev.spindle.engine.metrics;

import org.HdrHistogram.Histogram;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link LatencyRecorders}, no lost record: a worker records one batch (one item) inside the
 * WriterReaderPhaser's writer section while the interval reader swaps the active and recycled
 * histograms, flips the phase and adds what it took to its totals. After a second drain (arbiter)
 * the totals hold each of the batch's four values exactly once. r1 = the reader's interval had the
 * batch's service time, r2 = the totals' counts after the second drain as digits (service, queue
 * wait, end-to-end, item service: 1111). Forbidden: r2 other than 1111 (a value lost, e.g. recorded
 * into a histogram after the reader added it, then recycled; or counted twice).
 */
@JCStressTest
@Outcome(id = {"0, 1111", "1, 1111"}, expect = Expect.ACCEPTABLE, desc = "Every value of the record reached the totals once.")
@Outcome(expect = Expect.FORBIDDEN, desc = "A value of the record was lost or counted twice.")
@State
public class LatencyRecordersStress
{
    private final LatencyRecorders recorders = new LatencyRecorders();
    private final Histogram queueWait = LatencyRecorders.newHistogram();
    private final Histogram service = LatencyRecorders.newHistogram();
    private final Histogram endToEnd = LatencyRecorders.newHistogram();
    private final Histogram itemService = LatencyRecorders.newHistogram();

    @Actor
    public void worker()
    {
        recorders.recordBatch(OneItem.BATCH, 2_000, 5_000);
    }

    @Actor
    public void reader(final II_Result r)
    {
        recorders.drainInto(queueWait, service, endToEnd, itemService);
        r.r1 = (int)service.getTotalCount();
    }

    @Arbiter
    public void totals(final II_Result r)
    {
        recorders.drainInto(queueWait, service, endToEnd, itemService);
        r.r2 = (int)(service.getTotalCount() * 1000 + queueWait.getTotalCount() * 100 + endToEnd.getTotalCount() * 10
            + itemService.getTotalCount());
    }
}
