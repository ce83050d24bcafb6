package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * {@link Mailbox#offer}, cutter thread to worker: the cutter thread's duty cycle
 * ({@link CutterThread#dutyCycle}) cuts a batch of two items into the idle worker's box and offers it;
 * the worker takes it ({@link CutterThread#take}) and reads the batch. A worker that sees the mailbox
 * full sees the whole batch: running, two items, the first one's value. The worker reads the batch
 * whether or not it saw the mailbox full, so nothing but the mailbox's acquire orders those reads.
 * r1 = the worker took a batch (1), r2 = its phase (1 running), r3 = its size, r4 = item 0's value.
 * Forbidden: taken with anything else.
 */
@JCStressTest
@Outcome(id = "1, 1, 2, 1", expect = Expect.ACCEPTABLE, desc = "The worker took the batch and saw all of it.")
@Outcome(id = "0, .*, .*, .*", expect = Expect.ACCEPTABLE, desc = "The worker looked before the offer.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The worker took a batch it does not fully see.")
@State
public class MailboxOfferStress
{
    private final Rig rig = new Rig(4, 1, 2, false, 1_000, RingSignal.NONE, null).started().filled(2);
    private final CutterThread<Rig.Item> cutter = rig.cutterThread(new Wakeup(true), new ItemsWanted(new Wakeup(true)));
    private final WorkerSlot<Rig.Item> worker = rig.workers[0];

    @Actor
    public void cutter()
    {
        cutter.dutyCycle();
    }

    @Actor
    public void worker(final IIII_Result r)
    {
        final BatchSlot<Rig.Item> batch = worker.boxes[0].batch(); // the box's batch slot never changes here
        r.r1 = cutter.take(worker) != BatchSource.NOTHING ? 1 : 0;
        r.r3 = batch.size;
        r.r4 = batch.size > 0 ? batch.slot(0).item().value : -1;
        r.r2 = batch.state();
    }
}
