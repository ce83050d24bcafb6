package dev.spindle.engine;

/**
 * Ranks an item from 0 (least urgent) to 100 (most urgent), on the publishing thread; the engine
 * maps ranks onto its priority lanes. Without one, every item has the same priority and batches
 * are cut in place, in arrival order.
 *
 * @param <T> the engine's item type
 */
@FunctionalInterface
public interface PriorityFunction<T>
{
    int priority(T item);
}
