package dev.spindle.engine;

/**
 * One batch handed to a {@link BatchProcessor}: views of ring slots, valid only during the
 * {@code process} call. Items are settled through {@link #succeed} and {@link #fail}; an item left
 * unsettled when {@code process} returns normally has succeeded with a {@code null} result.
 *
 * @param <T> the engine's item type
 */
public interface Batch<T>
{
    int size();

    T item(int index);

    /** Total complexity the cost function charged for this batch (its size under unit cost). */
    double complexity();

    long batchId();

    /** Why the batch was cut when it was. */
    CloseReason closeReason();

    int workerId();

    void succeed(int index, Object result);

    void fail(int index, String reason);

    /**
     * True once the watchdog has timed this batch out: its items already have their outcomes, and
     * a cooperative processor should stop working on it.
     */
    boolean isAbandoned();
}
