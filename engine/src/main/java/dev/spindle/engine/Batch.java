package dev.spindle.engine;

/**
 * One batch handed to a {@link BatchProcessor}. Items are settled through {@link #succeed} and
 * {@link #fail}; an item left unsettled when {@code process} returns normally has succeeded with a
 * {@code null} result. Valid only during the {@code process} call.
 */
public interface Batch
{
    int size();

    Item item(int index);

    /** Total complexity the cutter charged for this batch. */
    double complexity();

    long batchId();

    /** Why the cutter closed this batch. */
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
