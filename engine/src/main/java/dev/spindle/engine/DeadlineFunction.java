package dev.spindle.engine;

/**
 * An item's absolute deadline on the {@link System#nanoTime()} clock, or {@link #NO_DEADLINE};
 * called on the publishing thread. An item near its deadline is taken before others; one past it
 * is TIMED_OUT without running, and a batch running past its earliest item's deadline is timed out.
 *
 * @param <T> the engine's item type
 */
@FunctionalInterface
public interface DeadlineFunction<T>
{
    long NO_DEADLINE = Long.MAX_VALUE;

    long deadlineNanos(T item);
}
