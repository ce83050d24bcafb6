package dev.spindle.engine.metrics;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * {@link BatchObservations}, wrapping: a ring of one column set holds observation A; the reader drains
 * it (reads the columns, then the read count, a release store) while the worker adds observation B,
 * which it may only write into the same columns once the read count says A was read. The reader never
 * sees B's values in A's place. r1 = how many the reader got, r2..r4 = service time, item count and
 * feature sum of what it got. Forbidden: anything but A, whole.
 */
@JCStressTest
@Outcome(id = "1, 10, 1, 1", expect = Expect.ACCEPTABLE, desc = "The reader got A, whole (B was dropped or written after).")
@Outcome(expect = Expect.FORBIDDEN, desc = "B overwrote A's columns while the reader read them.")
@State
public class BatchObservationsWrapStress
{
    private final BatchObservations observations = new BatchObservations(1, 1);

    public BatchObservationsWrapStress()
    {
        observations.add(10, 1, 1.0, new double[] {1.0});
    }

    @Actor
    public void worker()
    {
        observations.add(20, 2, 2.0, new double[] {2.0});
    }

    @Actor
    public void reader(final IIII_Result r)
    {
        r.r1 = observations.drainTo((nanos, items, complexity, features, offset) ->
        {
            r.r2 = (int)nanos;
            r.r3 = items;
            r.r4 = (int)features[offset];
        });
    }
}
