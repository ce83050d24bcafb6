package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two mailboxes per worker: one duty cycle of the cutter thread ({@link CutterThread#dutyCycle}, budget 1)
 * offers item 0's batch into a free box and, the worker having work, queues item 1's batch behind it into
 * a free box, without waiting. The worker takes the oldest waiting batch ({@link CutterThread#take}), whichever
 * box it is in, reads it, finishes it ({@code recycle}, {@link CutterThread#done} empties the box) and does the
 * same once more. It gets the batches in order, each with its contents.
 * r1, r2 = the value of the first, second batch's item (0: nothing there yet, -1: a batch it could not read).
 * Forbidden: anything else.
 */
@JCStressTest
@Outcome(id = "1, 2", expect = Expect.ACCEPTABLE, desc = "Both batches, in order, with their contents.")
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "The first batch; the second was not queued yet.")
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE, desc = "Nothing offered yet.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Out of order, or a batch taken without its contents.")
@State
public class MailboxTwoBoxStress
{
    private final Rig rig = new Rig(4, 1, 2, false, 1, RingSignal.NONE, null).started().filled(2);
    private final CutterThread<Rig.Item> cutter = rig.cutterThread(new Wakeup(true), new ItemsWanted(new Wakeup(true)));
    private final WorkerSlot<Rig.Item> worker = rig.workers[0];

    @Actor
    public void cutter()
    {
        cutter.dutyCycle();
    }

    @Actor
    public void worker(final II_Result r)
    {
        r.r1 = takeOne();
        if (r.r1 != 0)
        {
            r.r2 = takeOne();
        }
    }

    private int takeOne()
    {
        if (cutter.take(worker) == BatchSource.NOTHING)
        {
            return 0;
        }
        final Box<Rig.Item> box = worker.taken;
        final BatchSlot<Rig.Item> batch = box.batch();
        final int value = batch.state() == BatchSlot.RUNNING && batch.size == 1 ? batch.item(0).value : -1;
        batch.recycle();
        cutter.done(worker, box);
        return value;
    }
}
