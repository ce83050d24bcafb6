package dev.spindle.engine;

/**
 * Processes a batch of items. Runs on a worker thread; a batch is given to exactly one worker.
 * <p>
 * If {@code process} throws, the engine bisects the batch, calling {@code process} again on halves
 * until the item(s) that make it throw are isolated: those fail with the exception as the reason,
 * the rest succeed. Items of a throwing batch may therefore be processed more than once, so a
 * processor with side effects should make them idempotent.
 *
 * @param <T> the engine's item type
 */
@FunctionalInterface
public interface BatchProcessor<T>
{
    void process(Batch<T> batch) throws Exception;
}
