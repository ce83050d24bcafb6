package dev.spindle.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Proves the two-box handoff of {@link WorkerSlot}: the cutter queues a second batch in the other box
 * while the worker may still be taking the first, and the worker, taking its boxes in turn, gets both,
 * in order, each with the contents the cutter wrote before offering it.
 * <p>
 * The cutter fills batch 1 (id 11) and offers it into box 0, then fills batch 2 (id 22) and offers it
 * into box 1, without waiting. The worker takes its current box, reads the batch, hands the box back
 * (flip the turn, clear the box, as {@code Worker} does), then does the same for the next box. If a box
 * is still empty it records -1 and stops. r1, r3 = the slot indices taken; r2, r4 = the batch ids read.
 */
@JCStressTest
@Outcome(id = "1, 11, 2, 22", expect = Expect.ACCEPTABLE, desc = "Both batches, in order, with their contents.")
@Outcome(id = "1, 11, -1, 0", expect = Expect.ACCEPTABLE, desc = "The first batch; the second was not offered yet.")
@Outcome(id = "-1, 0, 0, 0", expect = Expect.ACCEPTABLE, desc = "Nothing offered yet.")
@Outcome(expect = Expect.FORBIDDEN, desc = "Out of order, or a batch without its contents.")
@State
public class QueuedBehindStress
{
    private final WorkerSlot slot = new WorkerSlot(0, WaitMode.BLOCKING);
    private final BatchSlot[] batches = {null, new BatchSlot(1, 1), new BatchSlot(2, 1)};

    @Actor
    public void cutter()
    {
        batches[1].batchId = 11;
        slot.boxes[0].offer(1);
        batches[2].batchId = 22;
        slot.boxes[1].offer(2);
    }

    @Actor
    public void worker(final IIII_Result r)
    {
        r.r1 = slot.current().peek();
        if (r.r1 == Mailbox.EMPTY)
        {
            return;
        }
        r.r2 = (int)batches[r.r1].batchId;
        handBack();
        r.r3 = slot.current().peek();
        if (r.r3 == Mailbox.EMPTY)
        {
            return;
        }
        r.r4 = (int)batches[r.r3].batchId;
        handBack();
    }

    private void handBack()
    {
        final Mailbox box = slot.current();
        slot.turn ^= 1;
        box.clear();
    }
}
