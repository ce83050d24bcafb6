package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link BatchSlot#detach}: the watchdog, having won a stuck batch, keeps the stuck thread's items for
 * it and swaps fresh items into the ring slots (release); a producer then translates a later publish
 * into the fresh item. The stuck processor, still reading {@link BatchSlot#item} (acquire, then the
 * {@code detached} check), only ever sees the item it had. r1 = the id of the item the processor got
 * (1: its own; the swapped-in item has another id; -1: no item at all), r2 = its value.
 * Forbidden: anything but its own item with its own value.
 */
@JCStressTest
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "The stuck processor sees its own item.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The stuck processor saw the swapped-in item (or no item).")
@State
public class BatchSlotDetachStress
{
    private final Rig rig = new Rig(4).started().filled(1);
    private final BatchSlot<Rig.Item> batch = rig.cut(rig.boxes[0], 1);

    @Actor
    public void watchdog()
    {
        if (batch.tryAbandon(batch.batchId))
        {
            batch.markTimedOut();
            batch.detach(rig.config.factory());
            rig.ring.slot(0).item().value = 99; // a later publish into the fresh item
        }
    }

    @Actor
    public void processor(final II_Result r)
    {
        try
        {
            final Rig.Item item = batch.item(0);
            r.r1 = item.id;
            r.r2 = item.value;
        }
        catch (final NullPointerException e)
        {
            r.r1 = -1;
        }
    }
}
