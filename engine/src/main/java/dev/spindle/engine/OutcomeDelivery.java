package dev.spindle.engine;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place an item's outcome is delivered: to the listener, to the item's future if it has
 * one, and to the caller's counter. A throwing listener is counted (and its first failure logged);
 * it never stops the delivery of other outcomes.
 */
final class OutcomeDelivery
{
    private static final System.Logger LOG = System.getLogger(OutcomeDelivery.class.getName());

    private final OutcomeListener listener;
    private final JournalTap tap;
    private final AtomicLong listenerErrors = new AtomicLong();

    OutcomeDelivery(final OutcomeListener listener, final JournalTap tap)
    {
        this.listener = listener;
        this.tap = tap;
    }

    void deliver(final ItemFields item, final Outcome outcome, final Object result, final String reason, final OutcomeCounter counter)
    {
        deliver(item, outcome, result, reason, counter, true);
    }

    /** {@code tapped}: false when the journal tap already heard of this outcome through its batch. */
    void deliver(final ItemFields item, final Outcome outcome, final Object result, final String reason, final OutcomeCounter counter,
        final boolean tapped)
    {
        if (tapped)
        {
            tap.itemOutcome(item, outcome, reason);
        }
        notifyListener(item, outcome, result, reason);
        if (item.future != null)
        {
            item.future.complete(new ItemResult(item.id, item.key, outcome, result, reason));
        }
        counter.increment(outcome);
    }

    /** For items rejected before they reached the ring: the caller's own {@link WorkItem} is the view. */
    void deliverRejected(final Item item, final java.util.concurrent.CompletableFuture<ItemResult> future, final String reason,
        final OutcomeCounter counter)
    {
        tap.itemRefused(item, System.nanoTime(), reason);
        notifyListener(item, Outcome.REJECTED, null, reason);
        if (future != null)
        {
            future.complete(new ItemResult(item.id(), item.key(), Outcome.REJECTED, null, reason));
        }
        counter.increment(Outcome.REJECTED);
    }

    long listenerErrors()
    {
        return listenerErrors.get();
    }

    private void notifyListener(final Item item, final Outcome outcome, final Object result, final String reason)
    {
        try
        {
            listener.onOutcome(item, outcome, result, reason);
        }
        catch (final RuntimeException | Error e)
        {
            if (listenerErrors.getAndIncrement() == 0)
            {
                LOG.log(Level.WARNING, "outcome listener threw (further listener errors are only counted)", e);
            }
        }
    }
}
