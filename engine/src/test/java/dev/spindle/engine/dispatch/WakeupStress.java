package dev.spindle.engine.dispatch;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * {@link Wakeup}, the single-owner park/signal: the owner (a worker behind a cutter thread) announces
 * that it parks and re-checks its mailbox; the signaller (the cutter thread) offers a batch into the
 * mailbox and calls {@link Wakeup#signalIf}, which reads {@code parked} after a fence. Either the
 * owner sees the batch or the signaller sees the owner parked. The owner never really blocks
 * (maxNanos 0): a re-check that saw nothing stays inside the condition until the signaller is done,
 * as a parked owner would. r1 = the owner saw the batch, r2 = the signaller saw it parked (would unpark).
 * Forbidden: neither (a lost wake-up).
 */
@JCStressTest
@Outcome(id = {"true, false", "true, true"}, expect = Expect.ACCEPTABLE, desc = "The owner saw the batch (a spurious unpark is harmless).")
@Outcome(id = "false, true", expect = Expect.ACCEPTABLE, desc = "The owner parks; the signaller saw it parked and unparks it.")
@Outcome(id = "false, false", expect = Expect.FORBIDDEN, desc = "Lost wake-up: the owner parks without the batch, the signaller skips the unpark.")
@State
public class WakeupStress
{
    private final Wakeup wakeup = new Wakeup(true);
    private final Mailbox mailbox = new Mailbox();
    private volatile boolean signalled;

    @Actor
    public void owner(final ZZ_Result r)
    {
        wakeup.park(() ->
        {
            final boolean full = mailbox.waiting();
            r.r1 = full;
            while (!full && !signalled)
            {
                Thread.onSpinWait();
            }
            return full;
        }, 0);
    }

    @Actor
    public void signaller(final ZZ_Result r)
    {
        mailbox.offer();
        wakeup.signalIf(() ->
        {
            r.r2 = true;
            return true;
        });
        signalled = true;
    }
}
