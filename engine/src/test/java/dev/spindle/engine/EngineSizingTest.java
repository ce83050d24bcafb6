package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.dispatch.EngineSizing;
import org.junit.jupiter.api.Test;

class EngineSizingTest
{
    private static final long MB = 1024 * 1024;

    @Test
    void workersFollowCoresAndHeapWithinBounds()
    {
        assertEquals(8, EngineSizing.defaultWorkers(8, 4096 * MB, 50 * MB, 1, 64));
        assertEquals(2, EngineSizing.defaultWorkers(2, 4096 * MB, 50 * MB, 1, 64));
        assertEquals(3, EngineSizing.defaultWorkers(16, 150 * MB, 50 * MB, 1, 64), "heap-bound: 150 MB / 50 MB");
        assertEquals(1, EngineSizing.defaultWorkers(16, 10 * MB, 50 * MB, 1, 64), "never below one worker");
        assertEquals(4, EngineSizing.defaultWorkers(2, 4096 * MB, 50 * MB, 4, 64), "the minimum wins");
        assertEquals(16, EngineSizing.defaultWorkers(64, 64_000 * MB, 50 * MB, 1, 16), "the maximum wins");
    }

    @Test
    void spinningOnlyWhenEverySpinnerHasACore()
    {
        assertEquals(WaitMode.BLOCKING, EngineSizing.defaultWaitMode(2, 2), "2 cores: never spin");
        assertEquals(WaitMode.BLOCKING, EngineSizing.defaultWaitMode(2, 1));
        assertEquals(WaitMode.BACKOFF, EngineSizing.defaultWaitMode(8, 4));
    }

    @Test
    void aCutterThreadOnlyWhereItHasACoreOfItsOwn()
    {
        assertEquals(Dispatch.WORKERS_CUT, EngineSizing.resolveDispatch(Dispatch.AUTO, 2, 2), "2 workers on 2 cores cut for themselves");
        assertEquals(Dispatch.WORKERS_CUT, EngineSizing.resolveDispatch(Dispatch.AUTO, 16, 16));
        assertEquals(Dispatch.WORKERS_CUT, EngineSizing.resolveDispatch(Dispatch.AUTO, 64, 63), "a cutter would share a core with the producer");
        assertEquals(Dispatch.CUTTER_THREAD, EngineSizing.resolveDispatch(Dispatch.AUTO, 16, 14));
        assertEquals(Dispatch.CUTTER_THREAD, EngineSizing.resolveDispatch(Dispatch.CUTTER_THREAD, 2, 2), "an explicit choice is kept");
        assertTrue(EngineSizing.dispatchReason(Dispatch.AUTO, Dispatch.WORKERS_CUT, 2, 2).contains("auto"));
    }

    @Test
    void onThisMachineTheDefaultsAreSafe()
    {
        final Spindle<TestItem> spindle = Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> { }).pinning(Pinning.AUTO).jmx(false).build();
        final int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(spindle.workers() >= 1 && spindle.workers() <= Math.max(1, cores));
        if (cores <= spindle.workers() + 1)
        {
            assertEquals(WaitMode.BLOCKING, spindle.waitMode());
        }
        assertTrue(!spindle.pinningDecision().isBlank());
        assertEquals(cores >= spindle.workers() + 2 ? Dispatch.CUTTER_THREAD : Dispatch.WORKERS_CUT, spindle.dispatch(),
            "the default dispatch follows the cores: " + spindle.dispatchDecision());
        spindle.close();
        assertEquals(spindle.dispatchDecision(), spindle.report().dispatch(), "the report says who cut");
    }

    @Test
    void badSettingsAreRefusedWithASpecificMessage()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain().ringSize(1000).build())
            .getMessage().contains("power of two"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain().laneFloors(90, 50, 0).build())
            .getMessage().contains("at least 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain().complexityBudget(-1).build())
            .getMessage().contains("complexityBudget"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain().ringSize(64).maxBatchItems(100).build())
            .getMessage().contains("ringSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain().latencySampling(48).build())
            .getMessage().contains("power of two"));
    }

    private static SpindleBuilder<TestItem> plain()
    {
        return Spindle.builder(TestItem::new, (Batch<TestItem> batch) -> { }).jmx(false);
    }
}
