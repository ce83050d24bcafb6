package dev.spindle.journal.replay;

import static dev.spindle.journal.replay.HandRun.MS;
import static dev.spindle.journal.replay.HandRun.US;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.engine.CloseReason;
import dev.spindle.journal.RecordedRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-item dispatch cost is fitted robustly: a couple of preempted hand-offs do not make it a per-item cost. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
final class OverheadEstimateTest
{
    /**
     * One worker runs 40 batches of 1 to 20 items (10 us each), every item waiting from the start; each batch starts
     * 5 us + 1 us per item after the one before ended, and two (of 8 and 20 items) 3 ms later still, preempted.
     */
    private static RecordedRun handOffsWithTwoPreempted()
    {
        final HandRun hand = new HandRun();
        long id = 0;
        long end = 0;
        for (int k = 0; k < 40; k++)
        {
            final int items = 1 + k % 20;
            final long start = k == 0 ? 0 : end + 5 * US + items * US + (k == 7 || k == 19 ? 3 * MS : 0);
            final long[] ids = new long[items];
            for (int i = 0; i < items; i++)
            {
                ids[i] = id;
                hand.recorded(HandRun.ran(id++, 0, 1, k, start, start + items * 10 * US, 10 * US));
            }
            end = start + items * 10 * US;
            hand.batch(k, 0, CloseReason.BUDGET, 0, start, end, ids);
        }
        return hand.build();
    }

    @Test
    void aFewPreemptedHandOffsDoNotTiltThePerItemDispatch()
    {
        final Overheads overheads = Overheads.of(handOffsWithTwoPreempted());
        assertEquals(1 * US, overheads.dispatchNanosPerItem(), 0.05 * US, "the slope of the typical waits");
        // The mean wait keeps the preempted ones (every batch risks them): 5 us + 2 x 3 ms / 39 after the per-item share.
        assertEquals(5 * US + 6.0 * MS / 39, overheads.completionDispatchNanos(), 1 * US);
        assertEquals(0, overheads.fixedNanosPerBatch(), 1, "run time is 10 us per item, nothing per batch");
    }
}
