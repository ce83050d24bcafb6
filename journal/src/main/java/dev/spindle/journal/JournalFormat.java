package dev.spindle.journal;

/**
 * The on-disk format version of the outcome journal. A placeholder so the reactor builds: it pins
 * the number readers will check before the journal itself exists, and holds nothing else.
 */
public final class JournalFormat
{
    public static final int VERSION = 1;

    private JournalFormat()
    {
    }
}
