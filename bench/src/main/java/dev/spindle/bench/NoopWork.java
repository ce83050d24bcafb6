package dev.spindle.bench;

/**
 * The per-item body of the shootout's task-per-item engines: no work, then count the completion.
 * The id is passed so that a task, like a real one, carries its item (and so is allocated per item).
 */
final class NoopWork
{
    private NoopWork()
    {
    }

    static void run(final long id, final CompletionCounter counter)
    {
        counter.complete();
    }
}
