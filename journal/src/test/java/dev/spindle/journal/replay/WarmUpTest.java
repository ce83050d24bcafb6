package dev.spindle.journal.replay;

import static dev.spindle.journal.replay.HandRun.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.CloseReason;
import dev.spindle.journal.RecordedRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fresh JVM's slow first stretch is found in a recording, taken out of the items' work and charged again for as long as it lasts. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
final class WarmUpTest
{
    /** 40 one-item batches of complexity 1 on one worker, back to back from 0: the first {@code slow} cost 3 ms, the rest 1 ms. */
    private static RecordedRun recording(final int slow)
    {
        final HandRun hand = new HandRun().workers(1).maxItems(1);
        long at = 0;
        for (int k = 0; k < 40; k++)
        {
            final long cost = k < slow ? 3 * MS : MS;
            hand.recorded(HandRun.ran(k, 0, 1, k, at, at + cost, cost));
            hand.batch(k, 0, CloseReason.IDLE_WORKER, 0, at, at + cost, k);
            at += cost;
        }
        return hand.build();
    }

    @Test
    void theSlowFirstStretchIsFoundAndItsItemsTakenAtTheSteadyRate()
    {
        final RecordedRun recorded = recording(8);
        final OverheadEstimate estimate = OverheadEstimate.of(recorded, RecordedWorkload.of(recorded));
        final WarmUp warmUp = estimate.warmUp();
        assertTrue(warmUp.slow());
        assertEquals(24 * MS, warmUp.lengthNanos(), "8 batches of 3 ms");
        assertEquals(3, warmUp.factor(), 1e-9);
        assertEquals(MS, estimate.workNanos()[0], 1, "a slow item's work is the steady rate's");
        assertEquals(MS, estimate.workNanos()[39], 1);
        assertFalse(OverheadEstimate.of(recording(0), RecordedWorkload.of(recording(0))).warmUp().slow(), "no slow stretch, no warm-up");
    }

    @Test
    void theSlowStretchIsChargedForAsLongAsItLastsWhateverTheWorkers()
    {
        final RecordedRun recorded = recording(8);
        final SimulationConfig config = SimulationConfig.of(recorded).withOverheads(Overheads.NONE).withCores(0);
        assertEquals(56 * MS, RunStats.of(Simulator.simulate(recorded, config)).makespanNanos(), "as recorded: 8 x 3 ms + 32 x 1 ms");
        // Two workers: each starts 8 batches at 3 ms within the first 24 ms, then the other 24 items at 1 ms share them.
        assertEquals(36 * MS, RunStats.of(Simulator.simulate(recorded, config.withWorkers(2))).makespanNanos());
    }

    @Test
    void theStretchLastsLongerWhereTheCompilerHasLessOfACore()
    {
        final WarmUp warmUp = new WarmUp(100 * MS, 3, 1);
        assertEquals(200 * MS, warmUp.lengthWith(0.5));
        assertEquals(100 * MS, warmUp.lengthWith(1));
        assertEquals(0.8, WarmUp.compilerShare(2, 2, 0.5), 1e-9, "2 cores among 2 workers and half a thread of background");
        assertEquals(1, WarmUp.compilerShare(2, 1, 0.5), 1e-9);
        assertEquals(1, WarmUp.compilerShare(Double.POSITIVE_INFINITY, 64, 1), 1e-9, "unlimited cores");
        assertEquals(0, WarmUp.NONE.lengthWith(0.1));
    }
}
