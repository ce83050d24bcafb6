package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link Mailbox#take}, owner against thief: a batch waits in worker 0's box; worker 0 takes from its own
 * boxes while worker 1, idle, looks through the other workers' boxes ({@link CutterThread#take} both). The
 * mailbox's compare-and-set gives the batch to exactly one of them, whole.
 * r1, r2 = what worker 0, worker 1 got: 1 the batch with its item, -1 the box without it, 0 nothing.
 * Forbidden: both ran it (the batch would run twice), or neither did (it would be stranded).
 */
@JCStressTest
@Outcome(id = {"1, 0", "0, 1"}, expect = Expect.ACCEPTABLE, desc = "Exactly one worker took the batch, with its contents.")
@Outcome(id = "1, 1", expect = Expect.FORBIDDEN, desc = "Both workers took the batch: it would run twice.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Nobody took the batch, or a worker took it without its contents.")
@State
public class MailboxStealStress
{
    private final Rig rig = new Rig(4, 2, 2, false, 1_000, RingSignal.NONE, null).started().filled(1);
    private final CutterThread<Rig.Item> cutter = rig.cutterThread(new Wakeup(true), new ItemsWanted(new Wakeup(true)));
    private final Box<Rig.Item> box = rig.workers[0].boxes[0];

    public MailboxStealStress()
    {
        rig.cut(box, 1);
        box.mailbox.offer();
    }

    @Actor
    public void owner(final II_Result r)
    {
        r.r1 = takeOne(rig.workers[0]);
    }

    @Actor
    public void thief(final II_Result r)
    {
        r.r2 = takeOne(rig.workers[1]);
    }

    private int takeOne(final WorkerSlot<Rig.Item> worker)
    {
        if (cutter.take(worker) == BatchSource.NOTHING)
        {
            return 0;
        }
        final BatchSlot<Rig.Item> batch = worker.taken.batch();
        return worker.taken == box && batch.size == 1 && batch.item(0).value == 1 ? 1 : -1;
    }
}
