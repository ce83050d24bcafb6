package dev.spindle.engine.metrics;

import org.HdrHistogram.Histogram;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link LatencyRecorders}, no torn record: one batch's four values (service, item service, queue
 * wait, end-to-end) belong to one interval. A worker records one batch while the interval reader
 * swaps the four active histograms for the recycled ones and flips the phase. r1 = the reader's
 * interval had the batch's service time, r2 = how many of the other three histograms agree with r1.
 * Forbidden: r2 below 3 (the record split across two intervals).
 * <p>
 * It failed on the first version, which swapped the four histogram fields one by one while the writer
 * read each field as it recorded into it; the four now live in one object swapped by one volatile write,
 * and the writer reads that reference once per batch.
 */
@JCStressTest
@Outcome(id = {"0, 3", "1, 3"}, expect = Expect.ACCEPTABLE, desc = "The record landed whole in one interval.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The record was split across two intervals.")
@State
public class LatencyRecordersTornStress
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
        final long seen = service.getTotalCount();
        r.r1 = (int)seen;
        r.r2 = (queueWait.getTotalCount() == seen ? 1 : 0) + (endToEnd.getTotalCount() == seen ? 1 : 0)
            + (itemService.getTotalCount() == seen ? 1 : 0);
    }
}
