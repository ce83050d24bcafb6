package dev.spindle.engine.metrics;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * {@link BatchObservations}, publishing: the worker adds an observation (columns first, then the
 * written count, a release store) while the cost model's reader drains (the written count, then the
 * columns). An observation the reader gets is whole. No features (as under a cost function without
 * any): the add is three column stores and the count. r1 = how many it got, r2..r4 = the service time,
 * item count and complexity of the one it got (0 when none). Forbidden: a torn observation.
 */
@JCStressTest
@Outcome(id = "0, 0, 0, 0", expect = Expect.ACCEPTABLE, desc = "The reader drained before the add.")
@Outcome(id = "1, 70, 3, 5", expect = Expect.ACCEPTABLE, desc = "The reader got the whole observation.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The reader got an observation with columns not yet written.")
@State
public class BatchObservationsPublishStress
{
    private final BatchObservations observations = new BatchObservations(2, 0);
    private final double[] sums = {};

    @Actor
    public void worker()
    {
        observations.add(70, 3, 5.0, sums);
    }

    @Actor
    public void reader(final IIII_Result r)
    {
        r.r1 = observations.drainTo((nanos, items, complexity, features, offset) ->
        {
            r.r2 = (int)nanos;
            r.r3 = items;
            r.r4 = (int)complexity;
        });
    }
}
