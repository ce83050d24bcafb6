package dev.spindle.journal;

import java.util.List;

/**
 * Everything {@link JournalReader#read} got out of a journal: its runs in write order, how many records
 * it had to skip (a torn frame left by a crash, a garbled one) and, in words, why, together with the
 * records that contradict each other ({@link RunAssembler#problems()}). {@code damage} is null for an intact
 * journal; for a damaged one the runs are what was recovered before the damage.
 */
public record JournalContents(List<RecordedRun> runs, long skippedRecords, List<String> problems, JournalDamage damage)
{
    public JournalContents
    {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    public JournalContents(final List<RecordedRun> runs, final long skippedRecords, final List<String> problems)
    {
        this(runs, skippedRecords, problems, null);
    }
}
