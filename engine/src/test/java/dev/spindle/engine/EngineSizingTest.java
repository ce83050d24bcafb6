package dev.spindle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void onThisMachineTheDefaultsAreSafe()
    {
        final Spindle spindle = Spindle.builder(batch -> { }).pinning(Pinning.AUTO).build();
        final int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(spindle.workers() >= 1 && spindle.workers() <= Math.max(1, cores));
        if (cores <= spindle.workers() + 1)
        {
            assertEquals(WaitMode.BLOCKING, spindle.waitMode());
        }
        assertTrue(!spindle.pinningDecision().isBlank());
        spindle.close();
    }

    @Test
    void badSettingsAreRefusedWithASpecificMessage()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spindle.builder(b -> { }).ringSize(1000).build())
            .getMessage().contains("power of two"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spindle.builder(b -> { }).laneFloors(90, 50, 0).build())
            .getMessage().contains("at least 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spindle.builder(b -> { }).complexityBudget(-1).build())
            .getMessage().contains("complexityBudget"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Spindle.builder(b -> { }).maxBatchItems(100).stagingCapacity(10).build())
            .getMessage().contains("stagingCapacity"));
    }
}
