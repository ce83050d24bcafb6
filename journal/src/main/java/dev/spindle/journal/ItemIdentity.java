package dev.spindle.journal;

/**
 * What the journal records of an engine item: its id, key and size, read on the thread that made
 * the event. A description handed to the writer rather than an interface items must implement, so
 * any item type journals unchanged; the price is an interface call per field, and that the writer
 * trusts it to allocate nothing (it runs on the engine's hot path).
 * <p>
 * Ids should be unique within a run: readers join a batch's items to their outcomes by id.
 *
 * @param <T> the engine's item type
 */
public interface ItemIdentity<T>
{
    long id(T item);

    /** The caller's name for the item (a path as text, say); null is recorded as null. */
    String key(T item);

    /** The item's size in bytes, or 0 when it has none. */
    long sizeBytes(T item);
}
