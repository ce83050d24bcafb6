package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The footer of a run stopped by a signal says so (format 3); footers of format 2 still read, as not interrupted. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalInterruptedFooterTest
{
    @TempDir
    Path dir;

    @Test
    void anInterruptedRunsFooterNamesTheSignalAndAFormatTwoFooterStillReads() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run d", "/d", "stat", -1, FixedItem.IDENTITY,
            WriterSettings.defaults(), 2))
        {
            EngineRuns.run(writer, 1, 300, 0);
        }
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle resume d", "/d", "stat", 0, FixedItem.IDENTITY))
        {
            writer.interrupted(15);
            EngineRuns.run(writer, 1, 300, 10_000);
        }

        final JournalContents contents = JournalReader.read(journal);
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        final RunFooter old = contents.runs().get(0).footer();
        assertEquals(0, old.interruptedBy());
        assertFalse(old.interrupted());
        assertEquals(300, old.submitted(), "a 64-byte footer reads whole");
        final RunFooter interrupted = contents.runs().get(1).footer();
        assertEquals(15, interrupted.interruptedBy());
        assertEquals(300, interrupted.submitted());
        final Verification v = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
        assertEquals(15, v.lastRunInterruptedBy());
        assertFalse(v.complete(), "an interrupted last run leaves a walk for a resume");
    }
}
