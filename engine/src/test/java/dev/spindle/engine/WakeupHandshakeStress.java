package dev.spindle.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Proves {@link Wakeup} loses no wake-up: either the owner's re-check sees the published work, or
 * the signaller sees the owner parked (so it would unpark it). Never neither.
 * <p>
 * The owner runs the real {@code park} with a work condition that reads the real {@link Mailbox},
 * as the worker does, and records what it read; {@code maxNanos} is 0, so it never blocks. When it
 * sees no work, the condition stays inside {@code park} (parked still announced, as a blocked owner's
 * would be) until the signaller is done. The signaller publishes with the real {@code offer}, then
 * calls the real {@code signal}; {@code signal} does not return what it read of {@code parked}, so
 * the test reads it again right after, behind the same fence: that one read is replicated.
 * r1 = the owner saw work, r2 = the signaller saw the owner parked.
 */
@JCStressTest
@Outcome(id = "false, true", expect = Expect.ACCEPTABLE, desc = "Owner parks; the signaller sees it parked and wakes it.")
@Outcome(id = "true, true", expect = Expect.ACCEPTABLE, desc = "Owner sees the work; signaller also sees it parked (spurious unpark).")
@Outcome(id = "true, false", expect = Expect.ACCEPTABLE, desc = "Owner sees the work; signaller sees it not parked.")
@Outcome(id = "false, false", expect = Expect.FORBIDDEN, desc = "Lost wake-up: owner parks without work, signaller skips the unpark.")
@State
public class WakeupHandshakeStress
{
    private final Wakeup wakeup = new Wakeup(true);
    private final Mailbox mailbox = new Mailbox();
    private volatile boolean signalled;

    @Actor
    public void owner(final ZZ_Result r)
    {
        wakeup.park(() ->
        {
            r.r1 = mailbox.peek() != Mailbox.EMPTY;
            if (!r.r1)
            {
                while (!signalled)
                {
                    Thread.onSpinWait();
                }
            }
            return r.r1;
        }, 0);
    }

    @Actor
    public void signaller(final ZZ_Result r)
    {
        mailbox.offer(0);
        wakeup.signal();
        r.r2 = wakeup.isParked();
        signalled = true;
    }
}
