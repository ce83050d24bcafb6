package dev.spindle.engine;

/**
 * Receives the single terminal outcome of every submitted item. Called on whichever engine thread
 * settled the item (a worker, the cutter, the watchdog, or the submitting thread for rejections),
 * so it must be fast and thread-safe. The {@code item} view is only valid during the call.
 * An exception thrown here is counted in the performance report and never affects other items.
 */
@FunctionalInterface
public interface OutcomeListener
{
    OutcomeListener NONE = (item, outcome, result, reason) -> { };

    /**
     * @param result the processor's result for a {@link Outcome#SUCCEEDED} item, else {@code null}
     * @param reason why the item did not succeed, else {@code null}
     */
    void onOutcome(Item item, Outcome outcome, Object result, String reason);
}
