package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@link CutToken}: at most one worker holds the cutting right at a time (the CAS), and the cutter's
 * plain state is handed from one holder to the next (release, then the next CAS). Two workers each
 * try to take the right, bump a plain counter standing for the cutter's state, and give it back.
 * r1, r2 = worker 1, 2 took the right; r3 = the counter afterwards. Forbidden: a lost bump (both
 * held it and the counter is 1: they held it at once, or the second did not see the first's state),
 * or neither took it (the right was never free).
 */
@JCStressTest
@Outcome(id = "1, 1, 2", expect = Expect.ACCEPTABLE, desc = "Both cut, one after the other, the second seeing the first's state.")
@Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = Expect.ACCEPTABLE, desc = "One cut; the other found the right taken.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Lost state (both held the right at once, or no hand-off edge), or nobody got the right.")
@State
public class CutTokenStress
{
    private final CutToken token = new CutToken();
    private int cuts;

    @Actor
    public void worker1(final III_Result r)
    {
        if (token.tryAcquire(1))
        {
            r.r1 = 1;
            cuts = cuts + 1;
            token.release();
        }
    }

    @Actor
    public void worker2(final III_Result r)
    {
        if (token.tryAcquire(2))
        {
            r.r2 = 1;
            cuts = cuts + 1;
            token.release();
        }
    }

    @Arbiter
    public void state(final III_Result r)
    {
        r.r3 = cuts;
    }
}
