package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * {@link ParkedWorkers}, parking: a worker sets its park bit (atomic RMW) in its seat's
 * {@link Parker#park} and re-checks the ring ({@link RangeCutter#mayHaveWork}); a producer publishes
 * through the ring, whose signal is the same {@code ParkedWorkers} (fence, then read the bits and
 * clear one with a CAS to wake that worker). No wake-up may be lost.
 * <p>
 * The worker never really blocks (maxNanos 0): a re-check that saw nothing waits inside the
 * condition until the producer is done, as a parked worker would, and then looks whether its bit
 * was cleared (it was woken). r1 = the worker saw the item, r2 = the producer woke it.
 * Forbidden: neither (the worker parks with an item waiting and nobody wakes it).
 */
@JCStressTest
@Outcome(id = "true, false", expect = Expect.ACCEPTABLE, desc = "The worker saw the item in its re-check.")
@Outcome(id = "false, true", expect = Expect.ACCEPTABLE, desc = "The worker parks; the producer saw its bit and woke it.")
@Outcome(id = "false, false", expect = Expect.FORBIDDEN, desc = "Lost wake-up: the worker parks without the item, the producer wakes nobody.")
@State
public class ParkedWorkersParkStress
{
    private final ParkedWorkers parked = new ParkedWorkers(1);
    private final Rig rig = new Rig(4, 1, 1, false, 1_000, parked, parked).started();
    private volatile boolean published;

    @Actor
    public void worker(final ZZ_Result r)
    {
        rig.workers[0].parker.park(() ->
        {
            final boolean work = rig.cutter.mayHaveWork();
            r.r1 = work;
            if (!work)
            {
                while (!published)
                {
                    Thread.onSpinWait();
                }
                r.r2 = !parked.anyParked();
            }
            return work;
        }, 0);
    }

    @Actor
    public void producer()
    {
        rig.publish(1);
        published = true;
    }
}
