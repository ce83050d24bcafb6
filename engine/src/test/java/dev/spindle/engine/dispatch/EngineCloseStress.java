package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IJJ_Result;

/**
 * {@link EngineState}'s close: a producer claims a sequence ({@link Publisher#claim}, a CAS on the
 * multi-producer cursor) and then reads {@code accepting()} in {@link Publisher#commit}; the closer
 * writes the phase, fences and reads the cursor as the drain target ({@link EngineState#stopAccepting}
 * with {@link EngineCore#drainTargetAfterPhaseWrite}). An item is kept iff its sequence is at or below
 * the target, so it is drained or refused, never both, never neither. Item 0 was published before.
 * r1 = 0 refused before claiming, 1 kept, 2 refused after claiming; r2 = its sequence (-2 none);
 * r3 = the drain target. Forbidden: kept past the target (nobody drains it) or refused at or below it
 * (the drain takes a refused item).
 */
@JCStressTest
@Outcome(id = "0, -2, 0", expect = Expect.ACCEPTABLE, desc = "Closed before the claim: refused up front.")
@Outcome(id = "1, 1, 1", expect = Expect.ACCEPTABLE, desc = "Claimed before the cursor read: kept, inside the drain.")
@Outcome(id = "2, 1, 0", expect = Expect.ACCEPTABLE, desc = "Claimed after the cursor read: refused, outside the drain.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Kept past the drain target (never processed) or refused inside it (processed and refused).")
@State
public class EngineCloseStress
{
    private final Rig rig = new Rig(4).started().filled(1);

    @Actor
    public void producer(final IJJ_Result r)
    {
        final long sequence = rig.publisher.claim();
        r.r2 = sequence;
        if (sequence < 0)
        {
            r.r1 = 0;
            return;
        }
        rig.publisher.item(sequence).value = 7;
        r.r1 = rig.publisher.commit(sequence, null) ? 1 : 2;
    }

    @Actor
    public void closer()
    {
        rig.close();
    }

    @Arbiter
    public void target(final IJJ_Result r)
    {
        r.r3 = rig.state.drainTarget();
    }
}
