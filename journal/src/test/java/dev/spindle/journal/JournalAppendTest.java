package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening an existing journal appends a run (a resume) after the ones it holds; each reads back whole, with its own hlog. */
final class JournalAppendTest
{
    @TempDir
    Path dir;

    @Test
    void aSecondRunIsAppendedAfterTheFirst() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final AssemblingTap first = new AssemblingTap("spindle run d", "/d", "stat", -1);
        try (JournalWriter writer = JournalWriter.open(journal, "spindle run d", "/d", "stat", -1))
        {
            EngineRuns.run(new TeeTap(writer, first), 2, 2_000, 0);
        }
        final AssemblingTap second = new AssemblingTap("spindle resume d", "/d", "stat", 0);
        try (JournalWriter writer = JournalWriter.open(journal, "spindle resume d", "/d", "stat", 0))
        {
            EngineRuns.run(new TeeTap(writer, second), 2, 2_000, 100_000);
        }

        final JournalContents contents = JournalReader.read(journal);
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        assertEquals(2, contents.runs().size());
        assertEquals(0, contents.runs().get(0).index());
        assertEquals(1, contents.runs().get(1).index());
        assertEquals(-1, contents.runs().get(0).header().resumeOf());
        assertEquals(0, contents.runs().get(1).header().resumeOf());
        EngineRuns.assertSameRun(first.run(), contents.runs().get(0));
        EngineRuns.assertSameRun(second.run(), contents.runs().get(1));
        assertTrue(Files.size(journal.resolve("run-0.hlog")) > 0 && Files.size(journal.resolve("run-1.hlog")) > 0, "one hlog per run");
    }

    @Test
    void aJournalHasOneWriterAtATime() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(journal, "c", "s", "p", -1))
        {
            final IOException refused = assertThrows(IOException.class, () -> JournalWriter.open(journal, "c", "s", "p", 0));
            assertTrue(refused.getMessage().contains("open for writing"), refused.getMessage());
            writer.runStarted(TapRuns.runInfo());
        }
        JournalWriter.open(journal, "c", "s", "p", 0).close(); // free again once closed
        assertEquals(1, JournalReader.read(journal).runs().size());
    }
}
