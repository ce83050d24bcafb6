package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A cost function's timeout allowance: a batch may run past the batch timeout by its complexity times
 * {@link CostFunction#timeoutNanosPerUnit()}, so a costly batch is not taken for a hung one, while a
 * cheap batch that hangs is still timed out at the batch timeout.
 */
class BatchTimeoutAllowanceTest
{
    @Test
    void aCostlyBatchRunsPastTheBatchTimeoutAndACheapHangIsStillTimedOut() throws Exception
    {
        final OutcomeLog log = new OutcomeLog(2);
        final CostFunction<TestItem> tenSecondsPerUnit = new CostFunction<>()
        {
            @Override
            public double cost(final TestItem item)
            {
                return item.cost;
            }

            @Override
            public double timeoutNanosPerUnit()
            {
                return 10e9;
            }
        };
        final BatchProcessor<TestItem> processor = batch -> Thread.sleep(batch.item(0).kind == TestItem.HANG ? 60_000 : 400);
        try (Spindle<TestItem> spindle = Spindle.builder(TestItem::new, processor).listener(log).cost(tenSecondsPerUnit).workers(1)
            .maxBatchItems(1).batchTimeout(Duration.ofMillis(100)).waitMode(WaitMode.BLOCKING).pinning(Pinning.NEVER).jmx(false)
            .build().start())
        {
            spindle.publish(TestItem.COPY, 0, TestItem.of(TestItem.PLAIN, 1, 50, DeadlineFunction.NO_DEADLINE));
            spindle.publish(TestItem.COPY, 1, TestItem.of(TestItem.HANG, 0, 50, DeadlineFunction.NO_DEADLINE));
            log.awaitTotal(2, 60);
        }
        assertEquals(Outcome.SUCCEEDED, log.entry(0).outcome(), "400 ms of work within 100 ms + 1 unit x 10 s");
        assertEquals(Outcome.TIMED_OUT, log.entry(1).outcome(), "no cost, no allowance: 100 ms");
        assertTrue(log.entry(1).reason().contains("past its deadline (100 ms"), log.entry(1).reason());
    }
}
