package dev.spindle.engine.dispatch;

import java.lang.reflect.Field;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * {@link ParkedWorkers}, one wake-up in flight: worker 0 was woken (the flag is set) and worker 1 is
 * parked. Worker 0 takes its turn ({@link WorkersCut#take}: {@code looking()} clears the flag, then it
 * looks at the ring); a producer publishes through the ring (fence, then {@code wakeOneUnlessPending}:
 * while the flag is set it wakes nobody). An item published after worker 0 looked must see the flag
 * clear and wake worker 1. r1 = worker 0 took the item, r2 = the producer woke worker 1.
 * Forbidden: neither (the item waits, worker 1 sleeps, worker 0 moved on).
 * <p>
 * Setup: the flag is set the engine's way (worker 0 parks and a wake-up clears its bit); worker 1's
 * park bit is set by reflection, standing for a thread blocked in its seat's park.
 */
@JCStressTest
@Outcome(id = {"true, false", "true, true"}, expect = Expect.ACCEPTABLE, desc = "Worker 0 saw and cut the item (worker 1 may be woken too).")
@Outcome(id = "false, true", expect = Expect.ACCEPTABLE, desc = "Worker 0 looked first; the producer saw the flag clear and woke worker 1.")
@Outcome(id = "false, false", expect = Expect.FORBIDDEN, desc = "Lost wake-up: the producer still saw the flag after worker 0 looked.")
@State
public class ParkedWorkersWakeFlagStress
{
    private static final Field WORDS;
    private static final int PAD;

    static
    {
        try
        {
            WORDS = ParkedWorkers.class.getDeclaredField("words");
            WORDS.setAccessible(true);
            final Field pad = ParkedWorkers.class.getDeclaredField("PAD");
            pad.setAccessible(true);
            PAD = pad.getInt(null);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ParkedWorkers parked = new ParkedWorkers(2);
    private final Rig rig = new Rig(4, 2, 1, false, 1_000, parked, parked).started();
    private final WorkersCut<Rig.Item> source = rig.workersCut(parked);

    public ParkedWorkersWakeFlagStress()
    {
        rig.workers[0].parker.park(() ->
        {
            parked.wakeOneUnlessPending();
            return true;
        }, 0);
        try
        {
            ((long[])WORDS.get(parked))[PAD] |= 1L << 1;
        }
        catch (final IllegalAccessException e)
        {
            throw new IllegalStateException(e);
        }
    }

    @Actor
    public void worker0(final ZZ_Result r)
    {
        r.r1 = source.take(rig.workers[0]) != BatchSource.NOTHING;
    }

    @Actor
    public void producer()
    {
        rig.publish(1);
    }

    @Arbiter
    public void woken(final ZZ_Result r)
    {
        r.r2 = !parked.anyParked();
    }
}
