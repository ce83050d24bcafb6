package dev.spindle.engine;

/** A preallocated slot of the submission ring. */
final class ItemEvent extends ItemFields
{
    /** Claimed after the engine closed: the producer already rejected it, the cutter skips it. */
    boolean cancelled;
}
