package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.JournalWriter;
import dev.spindle.journal.RecordedRun;

/**
 * Picks a finished run out of a journal a live process may still be writing. A run without a footer is
 * running while its writer holds the journal's lock and crashed once the lock is free; a crashed run is
 * returned as recorded, a running one refused (or awaited, polling). The footer is written before the
 * lock is let go, so a run that looks unclosed when the lock is already free is read once more.
 */
final class LiveJournal
{
    static final long POLL_MILLIS = 200;

    /** The chosen run has no footer and its writer is alive. */
    static final class StillWritten extends Exception
    {
        private static final long serialVersionUID = 1L;

        StillWritten(final String message)
        {
            super(message);
        }
    }

    /** The journal holds no run of that index. */
    static final class NoSuchRun extends Exception
    {
        private static final long serialVersionUID = 1L;

        NoSuchRun(final String message)
        {
            super(message);
        }
    }

    /** The run chosen, and the journal as read when it was chosen (with what a damaged journal lost). */
    record Finished(JournalContents contents, RecordedRun run)
    {
    }

    private LiveJournal()
    {
    }

    static Finished finishedRun(final Path journal, final int index, final boolean wait) throws IOException, StillWritten, NoSuchRun
    {
        while (true)
        {
            Finished run = run(journal, index);
            if (run.run().closed())
            {
                return run;
            }
            if (!JournalWriter.beingWritten(journal))
            {
                run = run(journal, index);
                if (run.run().closed() || !JournalWriter.beingWritten(journal))
                {
                    return run;
                }
            }
            if (!wait)
            {
                throw new StillWritten("journal " + journal + ": run " + index + " is still being written by a live process (no footer yet);"
                    + " replay it once the run ends, or add --wait");
            }
            try
            {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new StillWritten("journal " + journal + ": interrupted while waiting for run " + index + " to end");
            }
        }
    }

    private static Finished run(final Path journal, final int index) throws IOException, NoSuchRun
    {
        final JournalContents contents = JournalReader.read(journal);
        final List<RecordedRun> runs = contents.runs();
        if (index < 0 || index >= runs.size())
        {
            throw new NoSuchRun("--run " + index + ": the journal holds runs 0.." + (runs.size() - 1));
        }
        return new Finished(contents, runs.get(index));
    }
}
