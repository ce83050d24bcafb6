package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

/**
 * {@link Mailbox#clear}, worker to cutter thread: the worker finishes the batch of box 0 (recycle, then
 * {@link CutterThread#done}: release the box gate, empty the mailbox) while the cutter
 * thread's duty cycle, seeing box 0 empty, queues the next batch into it behind the batch of box 1. A
 * box the cutter sees empty is done with entirely, so the batch the cutter puts there keeps its ring
 * slots held. Setup: three items; one duty cycle put item 0 in box 0 and item 1 in box 1 (budget 1).
 * Afterwards (arbiter): r1 = a batch waits in box 0's mailbox, r2 = its gate agrees with it (free when the box is empty,
 * holding item 2's slot, sequence 2, when full), r3 = its batch's phase.
 * Forbidden: a queued batch whose slots the ring may reuse (full, gate free), or a free box still holding the ring.
 */
@JCStressTest
@Outcome(id = "false, true, 0", expect = Expect.ACCEPTABLE, desc = "The cutter looked before the worker was done: box 0 stays empty, its gate free.")
@Outcome(id = "true, true, 1", expect = Expect.ACCEPTABLE, desc = "The cutter queued item 2 into the freed box 0, which holds its slot.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The worker's late gate release freed the slot of a newly queued batch (or the box state is torn).")
@State
public class MailboxClearStress
{
    private final Rig rig = new Rig(4, 1, 2, false, 1, RingSignal.NONE, null).started().filled(3);
    private final CutterThread<Rig.Item> cutter = rig.cutterThread(new Wakeup(true), new ItemsWanted(new Wakeup(true)));
    private final WorkerSlot<Rig.Item> worker = rig.workers[0];
    private final Box<Rig.Item> box = worker.boxes[0];

    public MailboxClearStress()
    {
        if (cutter.dutyCycle() != 2)
        {
            throw new IllegalStateException("setup: expected a batch in each box");
        }
    }

    @Actor
    public void worker()
    {
        box.batch().recycle();
        cutter.done(worker, box);
    }

    @Actor
    public void cutter()
    {
        cutter.dutyCycle();
    }

    @Arbiter
    public void after(final ZZI_Result r)
    {
        r.r1 = box.mailbox.waiting();
        r.r2 = box.gate.get() == (r.r1 ? 1 : Long.MAX_VALUE);
        r.r3 = box.batch().state();
    }
}
