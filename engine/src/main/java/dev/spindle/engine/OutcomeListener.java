package dev.spindle.engine;

/**
 * Receives the single terminal outcome of every published item. Called on whichever thread settled
 * the item (a worker, the watchdog, or the publishing thread for items refused at the door or whose
 * scoring threw), so it must be fast and thread-safe. The item is a reused ring slot (or, for a
 * refused item, the publishing thread's scratch copy): valid only during the call. An exception
 * thrown here is counted in the performance report and never affects other items.
 *
 * @param <T> the engine's item type
 */
@FunctionalInterface
public interface OutcomeListener<T>
{
    /**
     * @param result the processor's result for a {@link Outcome#SUCCEEDED} item, else {@code null}
     * @param reason why the item did not succeed, else {@code null}
     */
    void onOutcome(T item, Outcome outcome, Object result, String reason);

    /** A listener that ignores every outcome: the engine then skips the per-item delivery loop. */
    @SuppressWarnings("unchecked")
    static <T> OutcomeListener<T> none()
    {
        return (OutcomeListener<T>)NoListener.INSTANCE;
    }

    /** The one {@link #none()} instance, so the engine can tell it apart. */
    final class NoListener implements OutcomeListener<Object>
    {
        static final NoListener INSTANCE = new NoListener();

        private NoListener()
        {
        }

        @Override
        public void onOutcome(final Object item, final Outcome outcome, final Object result, final String reason)
        {
        }
    }
}
