package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cutter never leaves a worker idle while items wait: it does not wait to fill a batch (a
 * one-hour linger and an unreachable budget would otherwise hold the item), and it does not wait
 * for a round of workers (one stuck worker does not hold back items another could run).
 */
class WorkConservationTest
{
    private final OutcomeLog log = new OutcomeLog(1000);

    @Test
    void anIdleWorkerGetsAPartialBatchAtOnce() throws Exception
    {
        final GateProcessor processor = new GateProcessor();
        try (Spindle spindle = Spindle.builder(processor).listener(log).workers(2).complexityBudget(1e9).maxBatchItems(1000)
            .maxLinger(Duration.ofHours(1)).pinning(Pinning.NEVER).build().start())
        {
            log.expect(1);
            spindle.submit(new WorkItem().id(1).key("alone"));
            log.await(10);
        }
        assertEquals(CloseReason.IDLE_WORKER, processor.batchOf(1).reason());
    }

    @Test
    void aStuckWorkerDoesNotHoldBackWorkTheOtherCanDo() throws Exception
    {
        final GateProcessor processor = new GateProcessor();
        try (Spindle spindle = Spindle.builder(processor).listener(log).workers(2).maxBatchItems(2).complexityBudget(1e9)
            .maxLinger(Duration.ofHours(1)).pinning(Pinning.NEVER).build().start())
        {
            spindle.submit(new WorkItem().id(0).key("block"));
            processor.awaitBlocked(1);
            log.expect(50);
            for (int id = 1; id <= 50; id++)
            {
                spindle.submit(new WorkItem().id(id).key("k"));
            }
            log.await(10); // all 50 done while worker 0 is still held at the gate
            processor.open();
        }
    }

    @Test
    void aBurstKeepsEveryWorkerBusyUntilItIsDone() throws Exception
    {
        // Each batch, on start, records how many workers were busy when it began; every worker
        // that finishes while items are staged must be handed the next batch, so by the time the
        // burst drains no batch started while another worker sat idle with work waiting.
        final int workers = 2;
        final CountDownLatch bothBusy = new CountDownLatch(workers);
        final BatchProcessor spin = batch ->
        {
            bothBusy.countDown();
            final long end = System.nanoTime() + 200_000L * batch.size();
            while (System.nanoTime() < end)
            {
                Thread.onSpinWait();
            }
        };
        final Spindle spindle = Spindle.builder(spin).listener(log).workers(workers).complexityBudget(1e9).maxBatchItems(8)
            .pinning(Pinning.NEVER).build();
        log.expect(400);
        for (int id = 0; id < 400; id++)
        {
            spindle.submit(new WorkItem().id(id).key("k"));
        }
        spindle.start();
        assertTrue(bothBusy.await(10, TimeUnit.SECONDS), "both workers got work from the burst");
        log.await(30);
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
