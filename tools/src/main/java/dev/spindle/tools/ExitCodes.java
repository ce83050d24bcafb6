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
    static final int USAGE = 2;
    /** The run completed, but some files failed, were rejected or timed out. */
    static final int INCOMPLETE = 3;

    private ExitCodes()
    {
    }
}
