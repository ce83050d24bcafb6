package dev.spindle.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

/**
 * Proves exactly one of the worker ({@code tryBeginComplete}) and the watchdog ({@code tryAbandon})
 * wins a running {@link BatchSlot}, and the state ends as the winner left it.
 * r1 = the worker won, r2 = the watchdog won, r3 = the state afterwards.
 */
@JCStressTest
@Outcome(id = "true, false, 2", expect = Expect.ACCEPTABLE, desc = "The worker won: COMPLETING.")
@Outcome(id = "false, true, 4", expect = Expect.ACCEPTABLE, desc = "The watchdog won: ABANDONED.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Both or neither won, or the state disagrees with the winner.")
@State
public class BatchSlotRaceStress
{
    private static final long BATCH_ID = 42;

    private final BatchSlot batch = new BatchSlot(0, 1);

    public BatchSlotRaceStress()
    {
        batch.batchId = BATCH_ID;
        batch.markRunning();
    }

    @Actor
    public void worker(final ZZI_Result r)
    {
        r.r1 = batch.tryBeginComplete();
    }

    @Actor
    public void watchdog(final ZZI_Result r)
    {
        r.r2 = batch.tryAbandon(BATCH_ID);
    }

    @Arbiter
    public void state(final ZZI_Result r)
    {
        r.r3 = batch.state();
    }
}
