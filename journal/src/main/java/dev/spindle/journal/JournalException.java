package dev.spindle.journal;

import java.io.IOException;

/**
 * Why a journal directory could not be read (or appended to), as a {@link Kind} with its process exit
 * code and a one-line message fit to print as it is. An {@link IOException}, so a command that already
 * declares I/O failures needs no new clause; the message never carries a stack trace's worth of detail.
 */
public final class JournalException extends IOException
{
    private static final long serialVersionUID = 1L;

    /** The ways a journal can fail to open; each has its own exit status. */
    public enum Kind
    {
        /** No such directory, no Chronicle Queue files in it, or a queue some other program wrote. */
        NOT_A_JOURNAL(10),
        /** A journal (queue files, the journal's marker) without a single record. */
        EMPTY(11),
        /** A truncated or garbled queue file, or a first run header that cannot be read. */
        CORRUPT(12),
        /** Written in a journal format newer than {@link JournalFormat#VERSION}. */
        NEWER_VERSION(13),
        /**
         * Not free to write: another live process holds its writer lock, or a new run found that another run
         * started it first. A refusal like a usage error, so the same status.
         */
        TAKEN(2);

        private final int exitCode;

        Kind(final int exitCode)
        {
            this.exitCode = exitCode;
        }

        public int exitCode()
        {
            return exitCode;
        }
    }

    private final Kind kind;

    public JournalException(final Kind kind, final String message)
    {
        super(message);
        this.kind = kind;
    }

    public Kind kind()
    {
        return kind;
    }
}
