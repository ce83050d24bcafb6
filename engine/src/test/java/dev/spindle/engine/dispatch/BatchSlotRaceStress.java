package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

/**
 * {@link BatchSlot}: the worker ({@link BatchSlot#tryBeginComplete}) and the watchdog
 * ({@link BatchSlot#tryAbandon}) race for the right to deliver a running batch's outcomes; exactly one
 * wins, and the phase ends as the winner left it. r1 = the worker won, r2 = the watchdog won,
 * r3 = the phase afterwards. Forbidden: both or neither won, or a phase that disagrees with the winner.
 */
@JCStressTest
@Outcome(id = "true, false, 2", expect = Expect.ACCEPTABLE, desc = "The worker won: COMPLETING.")
@Outcome(id = "false, true, 4", expect = Expect.ACCEPTABLE, desc = "The watchdog won: ABANDONED.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Both or neither delivered, or the phase disagrees with the winner.")
@State
public class BatchSlotRaceStress
{
    private final Rig rig = new Rig(4).started().filled(1);
    private final BatchSlot<Rig.Item> batch = rig.cut(rig.boxes[0], 1);

    @Actor
    public void worker(final ZZI_Result r)
    {
        r.r1 = batch.tryBeginComplete();
    }

    @Actor
    public void watchdog(final ZZI_Result r)
    {
        r.r2 = batch.tryAbandon(batch.batchId);
    }

    @Arbiter
    public void phase(final ZZI_Result r)
    {
        r.r3 = batch.state();
    }
}
