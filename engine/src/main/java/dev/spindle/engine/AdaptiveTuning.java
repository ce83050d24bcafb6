package dev.spindle.engine;

/** Placeholder until the tuner lands: learns nothing, moves nothing. */
final class AdaptiveTuning
{
    void onInterval(final IntervalSnapshot snapshot)
    {
    }
}
