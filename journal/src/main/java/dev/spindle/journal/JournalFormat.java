package dev.spindle.journal;

/**
 * The on-disk format version of the journal, stamped on every frame and run header. Readers take
 * every version up to theirs and refuse newer ones. Version 2 added the dispatch to the run header;
 * version 1 journals still read, their dispatch "unknown". Version 3 added to the run footer the signal that
 * interrupted the run (older footers read as not interrupted). Version 4 added to the run header the settings that
 * shaped the run's outputs, so a resume reuses them (older headers read with none). Version 5 added to the run footer
 * the CPU the process and its workers used over the run (older footers read as not measured). Version 6 added to the run
 * footer the JIT compiler's time over the run (older footers read with it unknown).
 */
public final class JournalFormat
{
    public static final int VERSION = 6;

    private JournalFormat()
    {
    }
}
