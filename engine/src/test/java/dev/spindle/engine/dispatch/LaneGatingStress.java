package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Ring gating, lane cutting: {@link LaneCutter#cut} writes the staged hold before it moves the
 * frontier past the staged items, and the box gate before it lifts the staged hold, so a producer
 * ({@link Publisher#claim}) never wraps onto a slot that is staged or cut. The ring (4 slots, a
 * priority function, so lanes) is full; the cutter stages all four items and cuts them into one
 * batch while a producer claims sequence 4 (slot 0). Slot 0 stays held throughout.
 * r1 = the cutter cut a batch, r2 = the producer claimed. Forbidden: r2 (wrapped onto a held slot).
 */
@JCStressTest
@Outcome(id = "true, false", expect = Expect.ACCEPTABLE, desc = "Refused: frontier, staged hold or box gate holds slot 0 throughout.")
@Outcome(id = "true, true", expect = Expect.FORBIDDEN, desc = "The producer wrapped onto slot 0 while it was staged or cut.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The cutter found nothing to cut.")
@State
public class LaneGatingStress
{
    private final Rig rig = new Rig(4, 1, 1, true, 1_000, RingSignal.NONE, null).started().filled(4);

    @Actor
    public void cutter(final ZZ_Result r)
    {
        r.r1 = rig.cutter.cut(rig.boxes[0], 1, CloseReason.IDLE_WORKER, 0, rig.counter);
    }

    @Actor
    public void producer(final ZZ_Result r)
    {
        r.r2 = rig.publisher.claim() >= 0;
    }
}
