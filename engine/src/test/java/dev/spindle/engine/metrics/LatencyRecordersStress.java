package dev.spindle.engine.metrics;

import org.HdrHistogram.Histogram;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@link LatencyRecorders}: a worker records one batch (one item) into the active histograms inside
 * the WriterReaderPhaser's writer section while the interval reader swaps them with the recycled
 * ones, flips the phase and adds what it took to its totals. A record is neither lost nor torn: the
 * reader's interval has all four of the batch's values or none, and after a second drain (arbiter)
 * the totals hold each exactly once. r1 = the reader's interval had the batch's service time,
 * r2 = how many of the other three histograms agree with r1, r3 = the totals' counts after the second
 * drain as digits (service, queue wait, end-to-end, item service: 1111).
 * Forbidden: anything but 3 agreeing histograms and 1111.
 */
@JCStressTest
@Outcome(id = {"0, 3, 1111", "1, 3, 1111"}, expect = Expect.ACCEPTABLE, desc = "The record landed whole in one interval.")
@Outcome(expect = Expect.FORBIDDEN, desc = "A record torn across intervals, lost or counted twice.")
@State
public class LatencyRecordersStress
{
    private static final LatencyRecorders.SubmitTimes BATCH = new LatencyRecorders.SubmitTimes()
    {
        @Override
        public int items()
        {
            return 1;
        }

        @Override
        public long submitNanos(final int item)
        {
            return 1_000;
        }

        @Override
        public int weight(final int item)
        {
            return 1;
        }
    };

    private final LatencyRecorders recorders = new LatencyRecorders();
    private final Histogram queueWait = LatencyRecorders.newHistogram();
    private final Histogram service = LatencyRecorders.newHistogram();
    private final Histogram endToEnd = LatencyRecorders.newHistogram();
    private final Histogram itemService = LatencyRecorders.newHistogram();

    @Actor
    public void worker()
    {
        recorders.recordBatch(BATCH, 2_000, 5_000);
    }

    @Actor
    public void reader(final III_Result r)
    {
        recorders.drainInto(queueWait, service, endToEnd, itemService);
        final long seen = service.getTotalCount();
        r.r1 = (int)seen;
        r.r2 = (queueWait.getTotalCount() == seen ? 1 : 0) + (endToEnd.getTotalCount() == seen ? 1 : 0)
            + (itemService.getTotalCount() == seen ? 1 : 0);
    }

    @Arbiter
    public void totals(final III_Result r)
    {
        recorders.drainInto(queueWait, service, endToEnd, itemService);
        r.r3 = (int)(service.getTotalCount() * 1000 + queueWait.getTotalCount() * 100 + endToEnd.getTotalCount() * 10
            + itemService.getTotalCount());
    }
}
