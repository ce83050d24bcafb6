package dev.spindle.engine.dispatch;

import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link ItemsWanted}: the cutter thread marks that a worker is idle ({@link ItemsWanted#set}), then
 * parks on its {@link Wakeup} re-checking the ring; a producer publishes through the ring, whose
 * signal is this {@code ItemsWanted} ({@code signalIf}: fence, then parked and wanted). Either the
 * cutter sees the item or the producer wakes it. Every worker was busy before (wanted false).
 * <p>
 * The cutter really parks (owner = its actor thread) for at most {@link #PATIENCE_NANOS}: woken, it
 * returns at once; not woken, it times out. The patience is long so that a descheduled thread on a
 * loaded machine is not taken for a lost wake-up; a permit left from an earlier sample can only hide
 * a lost wake-up, never invent one. After the first time-out in a JVM the cutter stops parking for
 * real (r2 = -1, not judged), so a broken variant does not stall the run.
 * r1 = the cutter saw the item, r2 = 1 it was woken, 0 it timed out. Forbidden: 0, 0.
 */
@JCStressTest
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "The cutter saw the item in its re-check.")
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "The cutter parked; the producer saw it parked and wanting, and woke it.")
@Outcome(id = "0, -1", expect = Expect.ACCEPTABLE_INTERESTING, desc = "Not judged: an earlier sample in this JVM already timed out.")
@Outcome(id = "0, 0", expect = Expect.FORBIDDEN, desc = "Lost wake-up: the cutter slept its whole patience with an item waiting.")
@State
public class ItemsWantedStress
{
    static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static volatile boolean timedOut;

    private final Wakeup wakeup = new Wakeup(true);
    private final ItemsWanted wanted = new ItemsWanted(wakeup);
    private final Rig rig = new Rig(4, 1, 2, false, 1_000, wanted, null).started();

    public ItemsWantedStress()
    {
        wanted.set(false);
    }

    @Actor
    public void cutter(final II_Result r)
    {
        wakeup.owner(Thread.currentThread());
        wanted.set(true);
        final boolean judged = !timedOut;
        final long start = System.nanoTime();
        wakeup.park(() ->
        {
            r.r1 = rig.cutter.mayHaveWork() ? 1 : 0;
            return r.r1 == 1;
        }, judged ? PATIENCE_NANOS : 0);
        if (r.r1 == 0)
        {
            if (!judged)
            {
                r.r2 = -1;
            }
            else if (System.nanoTime() - start < PATIENCE_NANOS)
            {
                r.r2 = 1;
            }
            else
            {
                timedOut = true;
            }
        }
    }

    @Actor
    public void producer()
    {
        rig.publish(1);
    }
}
