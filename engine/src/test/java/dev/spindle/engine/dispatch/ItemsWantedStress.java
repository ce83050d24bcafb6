package dev.spindle.engine.dispatch;

import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * {@link ItemsWanted}: the cutter thread marks that a worker is idle ({@link ItemsWanted#set}), then
 * parks on its {@link Wakeup} re-checking the ring; a producer publishes through the ring, whose
 * signal is this {@code ItemsWanted} ({@code signalIf}: fence, then parked and wanted). Either the
 * cutter sees the item or the producer wakes it. Every worker was busy before (wanted false).
 * <p>
 * The cutter really parks (owner = its actor thread) for at most {@link #PATIENCE_NANOS}: woken, it
 * returns at once; not woken, it times out. r1 = the cutter saw the item, r2 = it was woken (returned
 * early). Forbidden: neither. A permit left from an earlier sample can only hide a lost wake-up,
 * never invent one. After the first time-out in a JVM the patience drops to 1 ms, so a broken
 * variant does not stall the run.
 */
@JCStressTest
@Outcome(id = {"true, false", "true, true"}, expect = Expect.ACCEPTABLE, desc = "The cutter saw the item in its re-check.")
@Outcome(id = "false, true", expect = Expect.ACCEPTABLE, desc = "The cutter parked; the producer saw it parked and wanting, and woke it.")
@Outcome(id = "false, false", expect = Expect.FORBIDDEN, desc = "Lost wake-up: the cutter slept its whole patience with an item waiting.")
@State
public class ItemsWantedStress
{
    static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static volatile long patience = PATIENCE_NANOS;

    private final Wakeup wakeup = new Wakeup(true);
    private final ItemsWanted wanted = new ItemsWanted(wakeup);
    private final Rig rig = new Rig(4, 1, 2, false, 1_000, wanted, null).started();

    public ItemsWantedStress()
    {
        wanted.set(false);
    }

    @Actor
    public void cutter(final ZZ_Result r)
    {
        wakeup.owner(Thread.currentThread());
        wanted.set(true);
        final long wait = patience;
        final long start = System.nanoTime();
        wakeup.park(() ->
        {
            r.r1 = rig.cutter.mayHaveWork();
            return r.r1;
        }, wait);
        if (!r.r1)
        {
            r.r2 = System.nanoTime() - start < wait;
            if (!r.r2)
            {
                patience = TimeUnit.MILLISECONDS.toNanos(1);
            }
        }
    }

    @Actor
    public void producer()
    {
        rig.publish(1);
    }
}
