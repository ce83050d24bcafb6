package dev.spindle.engine;

import static dev.spindle.engine.Outcome.SUCCEEDED;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZII_Result;

/**
 * Proves the worker-to-cutter direction of {@link Mailbox}: a cutter that finds the box empty also
 * sees the results the worker wrote, with plain writes, before {@code clear}. (The jcstress
 * {@code Outcome} annotation hides the engine's {@code Outcome}, hence the static import.)
 * r1 = the cutter saw the box empty, r2 = the worker id read, r3 = 1 if the item's outcome was read.
 */
@JCStressTest
@Outcome(id = "false, 0, 0", expect = Expect.ACCEPTABLE, desc = "The cutter looked before the clear: box still full.")
@Outcome(id = "true, 7, 1", expect = Expect.ACCEPTABLE, desc = "The cutter saw the box empty and the results.")
@Outcome(expect = Expect.FORBIDDEN, desc = "The cutter saw the box empty but not (all of) the results.")
@State
public class MailboxClearStress
{
    private final Mailbox mailbox = new Mailbox();
    private final BatchSlot batch = new BatchSlot(3, 1);

    public MailboxClearStress()
    {
        batch.items[0] = new StagedItem(0);
        batch.size = 1;
        mailbox.offer(batch.index);
    }

    @Actor
    public void worker()
    {
        batch.workerId = 7;
        batch.items[0].settle(SUCCEEDED, "done", null);
        mailbox.clear();
    }

    @Actor
    public void cutter(final ZII_Result r)
    {
        if (mailbox.isEmpty())
        {
            r.r1 = true;
            r.r2 = batch.workerId;
            final StagedItem item = batch.items[0];
            r.r3 = item.settledOutcome == SUCCEEDED && "done".equals(item.result) ? 1 : 0;
        }
    }
}
