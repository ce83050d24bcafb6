package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Intervals partition the run: their deltas and histograms add up to the whole-run report. */
class IntervalMetricsTest
{
    @Test
    void intervalsAddUpToTheWholeRun() throws Exception
    {
        final List<IntervalSnapshot> intervals = new CopyOnWriteArrayList<>();
        final BatchProcessor<TestItem> work = batch ->
        {
            final long end = System.nanoTime() + 20_000L * batch.size();
            while (System.nanoTime() < end)
            {
                Thread.onSpinWait();
            }
            if (batch.item(0).id % 7 == 0)
            {
                batch.fail(0, "every seventh batch head fails");
            }
        };
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, work).workers(2).maxBatchItems(8).complexityBudget(1e9)
            .intervalLength(Duration.ofMillis(100)).intervalListener(snapshot -> intervals.add(snapshot.copy()))
            .latencySampling(1) // every item's latency, so the two per-item histograms count alike
            .pinning(Pinning.NEVER).jmx(false).build().start();
        for (int id = 0; id < 20_000; id++)
        {
            spindle.publish(TestItem.ID, id);
            if (id % 2_000 == 0)
            {
                Thread.sleep(20);
            }
        }
        spindle.close();
        final PerformanceReport report = spindle.report();
        assertEquals(intervals.get(intervals.size() - 1).index(), spindle.lastInterval().index(), "the snapshot API shows the last interval");

        assertTrue(intervals.size() >= 3, "several intervals: " + intervals.size());
        long arrived = 0;
        long completed = 0;
        long failed = 0;
        long batches = 0;
        long items = 0;
        long e2eCount = 0;
        long reasons = 0;
        long busy = 0;
        long serviceCount = 0;
        for (int i = 0; i < intervals.size(); i++)
        {
            final IntervalSnapshot s = intervals.get(i);
            assertEquals(i + 1, s.index(), "intervals are numbered in order");
            arrived += s.arrived();
            completed += s.completed();
            failed += s.count(Outcome.FAILED);
            batches += s.batches();
            items += Math.round(s.meanBatchItems() * s.batches());
            e2eCount += s.endToEnd().getTotalCount();
            serviceCount += s.batchService().getTotalCount();
            assertEquals(s.endToEnd().getTotalCount(), s.itemService().getTotalCount(), "both recorded under one phaser section");
            for (final CloseReason reason : CloseReason.values())
            {
                reasons += s.closeReasonCount(reason);
            }
            for (int w = 0; w < 2; w++)
            {
                busy += s.workerBusyNanos(w);
            }
            assertTrue(s.utilization() >= 0 && s.utilization() <= 1, "utilization " + s.utilization());
            assertTrue(s.meanFillRatio() >= 0 && s.meanFillRatio() <= 1, "fill " + s.meanFillRatio());
        }
        assertEquals(report.submitted(), arrived);
        assertEquals(report.completed(), completed);
        assertEquals(report.failed(), failed);
        assertEquals(report.batches(), batches);
        // Within one interval counters and histograms are read a moment apart; over the run they agree.
        assertEquals(report.batches(), serviceCount);
        assertEquals(20_000, items);
        assertEquals(report.endToEnd().count(), e2eCount);
        assertEquals(report.batches(), reasons);
        long reportBusy = 0;
        for (final long b : report.workerBusyNanos())
        {
            reportBusy += b;
        }
        assertEquals(reportBusy, busy);
        assertTrue(report.itemService().count() == 20_000, "per-item service recorded for every item");
    }
}
