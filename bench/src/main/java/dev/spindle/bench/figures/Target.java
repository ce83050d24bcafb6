package dev.spindle.bench.figures;

/**
 * One engine under test, as a publisher sees it: send item {@code id}, and the engine runs the
 * scenario's work on it and reports its completion. Every engine does the same work per item.
 */
public interface Target extends AutoCloseable
{
    void send(long id);

    /** Thread names of the engine's own threads start with this. */
    String threadPrefix();

    /** What the engine says about the run (batches, dispatch), or "". */
    String note();

    @Override
    void close();

    /** Told when an item completed (after its work; for Spindle, when its outcome is delivered). */
    @FunctionalInterface
    interface Completion
    {
        void completed(long id);
    }

    /** The work of one item: given its id. */
    @FunctionalInterface
    interface Work
    {
        void run(long id);
    }
}
