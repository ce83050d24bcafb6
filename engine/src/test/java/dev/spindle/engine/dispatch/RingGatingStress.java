package dev.spindle.engine.dispatch;

import dev.spindle.engine.CloseReason;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Ring gating, cutting in place: {@link RangeCutter#cut} holds the box gate before it moves the
 * frontier, so a producer ({@link Publisher#claim}: Disruptor reads frontier, staged hold, gates)
 * never wraps onto a slot the cut batch holds. The ring (4 slots) is full; the cutter cuts a batch
 * from sequence 0 while a producer claims sequence 4 (slot 0). No worker runs, so slot 0 stays held:
 * the claim must fail whether it comes before, during or after the cut.
 * r1 = the cutter cut a batch, r2 = the producer claimed. Forbidden: r2 (wrapped onto a held slot).
 */
@JCStressTest
@Outcome(id = "true, false", expect = Expect.ACCEPTABLE, desc = "Refused: the frontier, then the box gate, holds slot 0.")
@Outcome(id = "true, true", expect = Expect.FORBIDDEN, desc = "The producer wrapped onto slot 0 while the cut batch holds it.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The cutter found nothing to cut.")
@State
public class RingGatingStress
{
    private final Rig rig = new Rig(4).started().filled(4);

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
