package dev.spindle.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Proves the loser of the {@link BatchSlot} race, once the winner has delivered the outcomes and
 * changed the state, sees the winner's final state and its outcomes. The worker loses as the engine's
 * worker does (waits out ABANDONED, then must see TIMED_OUT); the watchdog, losing, waits out
 * COMPLETING and must see COMPLETED. {@code delivered} stands for the outcome delivery (plain writes).
 * r1 = the worker won, r2 = the watchdog won, r3 = the state the loser saw, r4 = whose outcomes it saw.
 */
@JCStressTest
@Outcome(id = "1, 0, 3, 1", expect = Expect.ACCEPTABLE, desc = "The worker won; the watchdog saw COMPLETED and its outcomes.")
@Outcome(id = "0, 1, 5, 2", expect = Expect.ACCEPTABLE, desc = "The watchdog won; the worker saw TIMED_OUT and its outcomes.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Both or neither won, or the loser saw a wrong state or missed the outcomes.")
@State
public class BatchSlotHandoverStress
{
    private static final long BATCH_ID = 42;
    private static final int BY_WORKER = 1;
    private static final int BY_WATCHDOG = 2;

    private final BatchSlot batch = new BatchSlot(0, 1);
    private int delivered;

    public BatchSlotHandoverStress()
    {
        batch.batchId = BATCH_ID;
        batch.markRunning();
    }

    @Actor
    public void worker(final IIII_Result r)
    {
        if (batch.tryBeginComplete())
        {
            r.r1 = 1;
            delivered = BY_WORKER;
            batch.markCompleted();
            return;
        }
        while (batch.state() == BatchSlot.ABANDONED)
        {
            Thread.onSpinWait();
        }
        r.r3 = batch.state();
        r.r4 = delivered;
        batch.markReturned();
    }

    @Actor
    public void watchdog(final IIII_Result r)
    {
        if (batch.tryAbandon(BATCH_ID))
        {
            r.r2 = 1;
            delivered = BY_WATCHDOG;
            batch.markTimedOut();
            return;
        }
        while (batch.state() == BatchSlot.COMPLETING)
        {
            Thread.onSpinWait();
        }
        r.r3 = batch.state();
        r.r4 = delivered;
    }
}
