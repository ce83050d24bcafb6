package dev.spindle.tools;

/**
 * The exit codes of every spindle command, in one place so scripts can rely on them. A command
 * returns one of these; only {@link SpindleCli#main} turns it into {@code System.exit}.
 */
final class ExitCodes
{
    static final int OK = 0;
    /** Unexpected error: an I/O failure writing the report, or outcomes that do not add up. */
    static final int ERROR = 1;
    /**
     * Usage error; also a refusal to share: an {@code --out}, {@code --json} or {@code --journal} another live
     * spindle process holds (its OS lock), or a new run's journal that another run started first.
     */
    static final int USAGE = 2;
    /** The run completed, but some files failed, were rejected or timed out. */
    static final int INCOMPLETE = 3;
    /**
     * {@code run}/{@code resume} (and {@code train}/{@code evaluate}) stopped by SIGINT (130) or SIGTERM (143), 128 + the
     * signal as shells report it: after the files in flight drained, the summary and {@code --json} say "interrupted".
     */
    static final int INTERRUPTED_SIGINT = 128 + RunInterruption.SIGINT;
    static final int INTERRUPTED_SIGTERM = 128 + RunInterruption.SIGTERM;
    /** {@code journal verify}: records contradict each other (a second outcome, an unknown item...). */
    static final int JOURNAL_INCONSISTENT = 4;
    /** {@code journal verify --require-complete}: consistent, but some items have no outcome yet. */
    static final int JOURNAL_INCOMPLETE = 5;
    /** Not a journal: no such directory, or no Chronicle Queue files in it. */
    static final int NOT_A_JOURNAL = 10;
    /** A journal with no records. */
    static final int JOURNAL_EMPTY = 11;
    /** A truncated or garbled journal file, or an unreadable run header. */
    static final int JOURNAL_CORRUPT = 12;
    /** Written by a newer Spindle journal format than this one reads. */
    static final int JOURNAL_TOO_NEW = 13;
    /** {@code replay}: the chosen run has no footer yet and a live process still writes the journal ({@code --wait} waits). */
    static final int JOURNAL_LIVE = 14;
    /**
     * An output could not be written (disk full, an I/O error) to the journal, --out, --json or a run's
     * .hlog: the run stopped, one line names the file; what was written before it stays readable.
     */
    static final int WRITE_FAILED = 15;
    /** {@code kafka}: no broker answered at --bootstrap within --connect-timeout, or a named topic does not exist. */
    static final int KAFKA_UNAVAILABLE = 16;

    private ExitCodes()
    {
    }
}
