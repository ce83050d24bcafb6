package dev.spindle.tools;

import dev.spindle.journal.JournalException;

/** The exit status for each way a journal can fail to open. */
final class JournalExits
{
    private JournalExits()
    {
    }

    static int of(final JournalException e)
    {
        return switch (e.kind())
        {
            case NOT_A_JOURNAL -> ExitCodes.NOT_A_JOURNAL;
            case EMPTY -> ExitCodes.JOURNAL_EMPTY;
            case CORRUPT -> ExitCodes.JOURNAL_CORRUPT;
            case NEWER_VERSION -> ExitCodes.JOURNAL_TOO_NEW;
        };
    }
}
