package dev.spindle.engine;

/** Estimates how much work an item is, in the unit the cutter's complexity budget is expressed in. */
@FunctionalInterface
public interface ComplexityScorer
{
    /** A finite, non-negative cost estimate. */
    double complexity(Item item);
}
