package dev.spindle.engine;

import com.lmax.disruptor.Sequence;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Proves the cutter's "items wanted" flag loses no wake-up: the cutter sets the flag (a worker came
 * free), then parks re-checking the ring; a producer publishes to the ring, then calls
 * {@link Wakeup#signalIf}. Either the cutter's re-check sees the item, or the producer sees the
 * cutter parked and the flag set, and unparks it. Never neither.
 * <p>
 * The cutter side runs the real {@code park} with maxNanos 0 (it never blocks; a condition that saw
 * nothing stays inside {@code park} until the producer is done, as a blocked owner would). The ring
 * cursor is Disruptor's own {@link Sequence}, published with its release store as the sequencer does.
 * r1 = the cutter saw the item, r2 = the producer saw it parked with the flag set (it would unpark).
 */
@JCStressTest
@Outcome(id = "false, true", expect = Expect.ACCEPTABLE, desc = "Cutter parks; the producer sees it parked and wanting, and wakes it.")
@Outcome(id = "true, true", expect = Expect.ACCEPTABLE, desc = "Cutter sees the item; the producer also wakes it (spurious unpark).")
@Outcome(id = "true, false", expect = Expect.ACCEPTABLE, desc = "Cutter sees the item; the producer does not signal.")
@Outcome(id = "false, false", expect = Expect.FORBIDDEN, desc = "Lost wake-up: the cutter parks without the item, the producer skips the unpark.")
@State
public class WakeupWantedStress
{
    private final Wakeup wakeup = new Wakeup(true);
    private final Sequence cursor = new Sequence(-1);
    private volatile boolean itemsWanted;
    private volatile boolean published;

    @Actor
    public void cutter(final ZZ_Result r)
    {
        itemsWanted = true;
        wakeup.park(() ->
        {
            r.r1 = cursor.get() >= 0;
            if (!r.r1)
            {
                while (!published)
                {
                    Thread.onSpinWait();
                }
            }
            return r.r1;
        }, 0);
    }

    @Actor
    public void producer(final ZZ_Result r)
    {
        cursor.set(0);
        wakeup.signalIf(() ->
        {
            r.r2 = itemsWanted;
            return r.r2;
        });
        published = true;
    }
}
