package dev.spindle.engine.dispatch;

import dev.spindle.engine.ItemResult;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.metrics.OutcomeCounter;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place an item's outcome is delivered: to the journal tap, the listener, the item's future
 * if it has one, and the caller's counter. A throwing listener is counted (and its first failure
 * logged); it never stops the delivery of other outcomes.
 */
public final class OutcomeDelivery<T>
{
    private static final System.Logger LOG = System.getLogger(OutcomeDelivery.class.getName());

    private final OutcomeListener<? super T> listener;
    private final JournalTap<? super T> tap;
    private final AtomicLong listenerErrors = new AtomicLong();

    OutcomeDelivery(final OutcomeListener<? super T> listener, final JournalTap<? super T> tap)
    {
        this.listener = listener;
        this.tap = tap;
    }

    /** {@code tapped}: false when the journal tap already heard of this outcome through its batch. */
    void deliver(final T item, final Outcome outcome, final Object result, final String reason, final CompletableFuture<ItemResult> future,
        final OutcomeCounter counter, final boolean tapped)
    {
        if (tapped)
        {
            tap.itemOutcome(item, outcome, reason);
        }
        notifyListener(item, outcome, result, reason);
        if (future != null)
        {
            future.complete(new ItemResult(outcome, result, reason));
        }
        counter.increment(outcome);
    }

    /** An item refused before it reached the ring; {@code item} is null when nobody looks at it (no listener, no tap). */
    void refused(final T item, final String reason, final CompletableFuture<ItemResult> future, final OutcomeCounter counter)
    {
        if (item != null)
        {
            tap.itemRefused(item, System.nanoTime(), reason);
            notifyListener(item, Outcome.REJECTED, null, reason);
        }
        if (future != null)
        {
            future.complete(new ItemResult(Outcome.REJECTED, null, reason));
        }
        counter.increment(Outcome.REJECTED);
    }

    public long listenerErrors()
    {
        return listenerErrors.get();
    }

    private void notifyListener(final T item, final Outcome outcome, final Object result, final String reason)
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
