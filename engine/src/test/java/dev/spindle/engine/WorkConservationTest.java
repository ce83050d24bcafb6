package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.metrics.PerformanceReport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No worker is left idle while items wait: nobody waits to fill a batch (a one-hour linger and an
 * unreachable budget would otherwise hold the item), and nobody waits for a round of workers (one
 * stuck worker does not hold back items another could run). For each dispatch.
 */
class WorkConservationTest
{
    private final OutcomeLog log = new OutcomeLog(1000);

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void anIdleWorkerGetsAPartialBatchAtOnce(final Dispatch dispatch) throws Exception
    {
        final GateProcessor processor = new GateProcessor();
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, processor).listener(log).workers(2).dispatch(dispatch)
            .complexityBudget(1e9).maxBatchItems(1000).maxLinger(Duration.ofHours(1)).pinning(Pinning.NEVER).jmx(false).build().start())
        {
            spindle.publish(TestItem.ID, 1);
            log.awaitTotal(1, 10);
        }
        assertEquals(CloseReason.IDLE_WORKER, processor.batchOf(1).reason());
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void aStuckWorkerDoesNotHoldBackWorkTheOtherCanDo(final Dispatch dispatch) throws Exception
    {
        final GateProcessor processor = new GateProcessor();
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, processor).listener(log).workers(2).dispatch(dispatch)
            .maxBatchItems(2).complexityBudget(1e9).maxLinger(Duration.ofHours(1)).pinning(Pinning.NEVER).jmx(false).build().start())
        {
            spindle.publish(TestItem.ID_KIND, 0, TestItem.BLOCK);
            processor.awaitBlocked(1);
            for (int id = 1; id <= 50; id++)
            {
                spindle.publish(TestItem.ID, id);
            }
            log.awaitTotal(50, 10); // all 50 done while the blocked worker is still held at the gate
            processor.open();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dispatch.class, names = {"WORKERS_CUT", "CUTTER_THREAD"})
    void aBurstKeepsEveryWorkerBusyUntilItIsDone(final Dispatch dispatch) throws Exception
    {
        // Each batch, on start, records how many workers were busy when it began; every worker
        // that finishes while items are staged must be handed the next batch, so by the time the
        // burst drains no batch started while another worker sat idle with work waiting.
        final int workers = 2;
        final CountDownLatch bothBusy = new CountDownLatch(workers);
        final BatchProcessor<TestItem> spin = batch ->
        {
            bothBusy.countDown();
            final long end = System.nanoTime() + 200_000L * batch.size();
            while (System.nanoTime() < end)
            {
                Thread.onSpinWait();
            }
        };
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, spin).listener(log).workers(workers).dispatch(dispatch)
            .complexityBudget(1e9).maxBatchItems(8).pinning(Pinning.NEVER).jmx(false).build();
        for (int id = 0; id < 400; id++)
        {
            spindle.publish(TestItem.ID, id);
        }
        spindle.start();
        assertTrue(bothBusy.await(10, TimeUnit.SECONDS), "both workers got work from the burst");
        log.awaitTotal(400, 30);
        spindle.close();
        final PerformanceReport report = spindle.report();
        // Generous: the two workers shared the burst (neither did it alone) and the batches' tail was cut fine.
        for (final long busy : report.workerBusyNanos())
        {
            assertTrue(busy > 0.3 * 400 * 200_000L / workers, "each worker carried a fair share: " + java.util.Arrays.toString(report.workerBusyNanos()));
        }
        assertTrue(report.closeReasons().get(CloseReason.IDLE_WORKER) + report.closeReasons().get(CloseReason.COUNT) == report.batches());
    }
}
