package dev.spindle.journal;

/**
 * The on-disk format version of the journal, stamped on every frame and run header. Readers take
 * every version up to theirs and refuse newer ones. Version 2 added the dispatch to the run header;
 * version 1 journals still read, their dispatch "unknown".
 */
public final class JournalFormat
{
    public static final int VERSION = 2;

    private JournalFormat()
    {
    }
}
