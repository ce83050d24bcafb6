package dev.spindle.tools;

import java.io.PrintWriter;

import dev.spindle.journal.JournalException;

/** The exit status for each way a journal can fail to open. */
final class JournalExits
{
    private JournalExits()
    {
    }

    /** Prints the one line for a journal that cannot be opened and returns its exit status. */
    static int refused(final PrintWriter err, final String command, final JournalException e)
    {
        err.println(command + ": " + PathText.escape(e.getMessage()));
        err.flush();
        return of(e);
    }

    static int of(final JournalException e)
    {
        return switch (e.kind())
        {
            case NOT_A_JOURNAL -> ExitCodes.NOT_A_JOURNAL;
            case EMPTY -> ExitCodes.JOURNAL_EMPTY;
            case CORRUPT -> ExitCodes.JOURNAL_CORRUPT;
            case NEWER_VERSION -> ExitCodes.JOURNAL_TOO_NEW;
            case TAKEN -> ExitCodes.USAGE;
        };
    }
}
