package dev.spindle.engine;

import java.util.List;

/**
 * How much work an item is, in the unit of the complexity budget; called on the publishing thread
 * right after the item is translated, while it is in that core's cache. The tuner's cost model
 * learns batch time over [1, items, complexity] and, when the function names them, its own
 * per-item features (summed per batch): a file processor may add size and cache misses, say.
 *
 * @param <T> the engine's item type
 */
@FunctionalInterface
public interface CostFunction<T>
{
    /** A finite, non-negative estimate. */
    double cost(T item);

    /** Extra features the cost model may weigh, at most {@link #MAX_FEATURES}; none by default. */
    default List<String> featureNames()
    {
        return List.of();
    }

    /** Writes this item's features, in {@link #featureNames()} order, into {@code into}. */
    default void features(final T item, final double[] into)
    {
    }

    int MAX_FEATURES = 4;

    /**
     * Time a batch may run beyond the batch timeout per unit of its complexity; 0 by default. A cost
     * function whose units stand for work without a fixed bound (bytes to read, say) lets a batch of
     * big items run in proportion to its cost instead of being taken for a hung one.
     */
    default double timeoutNanosPerUnit()
    {
        return 0;
    }

    /** Every item costs 1: the complexity budget then counts items, and the engine skips scoring altogether. */
    @SuppressWarnings("unchecked")
    static <T> CostFunction<T> unit()
    {
        return (CostFunction<T>)Unit.INSTANCE;
    }

    /** The one {@link #unit()} instance, so the engine can tell it apart. */
    final class Unit implements CostFunction<Object>
    {
        static final Unit INSTANCE = new Unit();

        private Unit()
        {
        }

        @Override
        public double cost(final Object item)
        {
            return 1;
        }
    }
}
