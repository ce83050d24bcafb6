package dev.spindle.engine;

/**
 * A slot of the submission ring. It holds an item rather than the item's fields: the producer fills
 * the item in place, and the cutter takes it out and leaves a free one from its pool in exchange,
 * so an item travels from producer to worker without ever being copied.
 */
final class ItemEvent
{
    StagedItem item;
    /** Claimed after the engine closed: the producer already rejected it, the cutter skips it. */
    boolean cancelled;

    ItemEvent(final StagedItem item)
    {
        this.item = item;
    }

    @Override
    public String toString()
    {
        return "ItemEvent{" + item + (cancelled ? ", cancelled" : "") + '}';
    }
}
