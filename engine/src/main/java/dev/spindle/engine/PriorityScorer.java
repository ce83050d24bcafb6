package dev.spindle.engine;

/** Ranks an item from 0 (least urgent) to 100 (most urgent); the cutter maps ranks onto lanes. */
@FunctionalInterface
public interface PriorityScorer
{
    int priority(Item item);
}
