package dev.spindle.engine.metrics;

/**
 * Receives each closed metrics interval, on the engine's tuner thread. The snapshot and its
 * histograms are reused for the next interval: copy ({@link IntervalSnapshot#copy()}) to keep them.
 */
@FunctionalInterface
public interface IntervalListener
{
    IntervalListener NONE = snapshot -> { };

    void onInterval(IntervalSnapshot snapshot);
}
