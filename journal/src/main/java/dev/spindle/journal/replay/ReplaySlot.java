package dev.spindle.journal.replay;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * One recorded item's replay values, preallocated before the run: the sender translates a
 * {@link ReplayItem} from it, and the item keeps a reference to it, so the cost function, the
 * synthetic processor and the latency listener read them with one field load instead of a lookup
 * by id. {@code intendedNanos} is written by the sender before the publish that carries it.
 * {@code path} is the key read as a path, for recordings of file runs.
 */
final class ReplaySlot
{
    final int index;
    final long id;
    final String key;
    final long sizeBytes;
    final double complexity;
    final int priority;
    final long serviceNanos;
    final byte fate;
    final String failure;
    final Path path;
    long intendedNanos;

    ReplaySlot(final int index, final long id, final String key, final long sizeBytes, final double complexity, final int priority,
        final long serviceNanos, final byte fate, final String failure, final Path path)
    {
        this.index = index;
        this.id = id;
        this.key = key;
        this.sizeBytes = sizeBytes;
        this.complexity = complexity;
        this.priority = priority;
        this.serviceNanos = serviceNanos;
        this.fate = fate;
        this.failure = failure;
        this.path = path;
    }

    /** {@code paths}: the recording is of files (its header names a source), so each key is a path. */
    static ReplaySlot[] of(final RecordedWorkload w, final boolean paths)
    {
        final ReplaySlot[] slots = new ReplaySlot[w.size];
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = new ReplaySlot(i, w.ids[i], w.keys[i], w.sizeBytes[i], w.complexity[i], w.priority[i], w.serviceNanos[i], w.fate[i],
                w.failure[i], paths ? pathOf(w.keys[i]) : null);
        }
        return slots;
    }

    private static Path pathOf(final String key)
    {
        try
        {
            return key == null || key.isEmpty() ? null : Path.of(key);
        }
        catch (final InvalidPathException e)
        {
            return null;
        }
    }
}
