package dev.spindle.tools;

import java.util.List;
import java.util.function.Supplier;

import dev.spindle.engine.JournalTap;
import dev.spindle.journal.JournalWriter;
import dev.spindle.journal.WriteFailedException;

/**
 * Stops a run's walk as soon as one of its outputs (the journal, --out) has failed to write, instead of
 * processing the rest of the tree into outputs that discard it. The check is a few volatile reads per
 * file submitted, on the walker's thread; the engine then drains what is in flight and closes as usual.
 */
final class OutputGuard
{
    /** Thrown out of the walk (through the file visitor, which cannot throw checked exceptions). */
    static final class Stopped extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Stopped(final WriteFailedException cause)
        {
            super(cause.getMessage(), cause, false, false);
        }

        WriteFailedException failure()
        {
            return (WriteFailedException)getCause();
        }
    }

    private final List<Supplier<WriteFailedException>> outputs;

    private OutputGuard(final List<Supplier<WriteFailedException>> outputs)
    {
        this.outputs = outputs;
    }

    static OutputGuard of(final JournalTap<FileItem> tap, final FileProcessing files)
    {
        return tap instanceof JournalWriter<?> writer
            ? new OutputGuard(List.of(writer::failure, files::writeFailure))
            : new OutputGuard(List.of(files::writeFailure));
    }

    /** Throws {@link Stopped} once any output has failed. */
    void check()
    {
        for (final Supplier<WriteFailedException> output : outputs)
        {
            final WriteFailedException failure = output.get();
            if (failure != null)
            {
                throw new Stopped(failure);
            }
        }
    }
}
