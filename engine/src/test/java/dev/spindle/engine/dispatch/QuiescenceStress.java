package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.Z_Result;

/**
 * {@link Quiescence}: the engine is draining, everything up to the drain target is cut, and two
 * workers each hold the last batch of one box. Both finish at once ({@link WorkersCut#done}: release
 * the box gate, then {@link Quiescence#check}: fence, look at every gate). Whichever looks last sees
 * both gates free, so at least one of them marks the drain complete. r1 = drained afterwards.
 * Forbidden: false (each saw the other's gate still held, and close() waits forever).
 */
@JCStressTest
@Outcome(id = "true", expect = Expect.ACCEPTABLE, desc = "At least one worker saw both gates released.")
@Outcome(id = "false", expect = Expect.FORBIDDEN, desc = "Neither saw the drain complete: the closing thread waits forever.")
@State
public class QuiescenceStress
{
    private final ParkedWorkers parked = new ParkedWorkers(2);
    private final Rig rig = new Rig(4, 2, 1, false, 1_000, RingSignal.NONE, parked).started().filled(2);
    private final WorkersCut<Rig.Item> source = rig.workersCut(parked);

    public QuiescenceStress()
    {
        rig.cut(rig.boxes[0], 2);
        rig.cut(rig.boxes[1], 2);
        rig.close();
        rig.quiescence.check();
        if (rig.state.isDrained())
        {
            throw new IllegalStateException("setup: drained while both batches hold the ring");
        }
    }

    @Actor
    public void worker0()
    {
        source.done(rig.workers[0], rig.boxes[0]);
    }

    @Actor
    public void worker1()
    {
        source.done(rig.workers[1], rig.boxes[1]);
    }

    @Arbiter
    public void drained(final Z_Result r)
    {
        r.r1 = rig.state.isDrained();
    }
}
