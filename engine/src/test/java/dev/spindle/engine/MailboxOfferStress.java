package dev.spindle.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Proves the cutter-to-worker direction of {@link Mailbox}: a worker that peeks the offered slot
 * index also sees the batch contents the cutter wrote, with plain writes, before {@code offer}.
 * r1 = the index peeked, r2 = the batch id read, r3 = the batch size read (0, 0 when not read).
 */
@JCStressTest
@Outcome(id = "-1, 0, 0", expect = Expect.ACCEPTABLE, desc = "The worker peeked before the offer: box empty.")
@Outcome(id = "3, 42, 1", expect = Expect.ACCEPTABLE, desc = "The worker saw the index and the batch contents.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The worker saw the index but not (all of) the contents.")
@State
public class MailboxOfferStress
{
    private final Mailbox mailbox = new Mailbox();
    private final BatchSlot[] batches = {null, null, null, new BatchSlot(3, 1)};
    private final StagedItem item = new StagedItem(0);

    @Actor
    public void cutter()
    {
        final BatchSlot batch = batches[3];
        batch.items[0] = item;
        batch.batchId = 42;
        batch.size = 1;
        mailbox.offer(batch.index);
    }

    @Actor
    public void worker(final III_Result r)
    {
        final int index = mailbox.peek();
        r.r1 = index;
        if (index != Mailbox.EMPTY)
        {
            final BatchSlot batch = batches[index];
            r.r2 = (int)batch.batchId;
            r.r3 = batch.items[0] == item ? batch.size : -1;
        }
    }
}
