package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening an existing journal appends a run (a resume) after the ones it holds; each reads back whole, with its own hlog. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalAppendTest
{
    @TempDir
    Path dir;

    @Test
    void aSecondRunIsAppendedAfterTheFirst() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final AssemblingTap<FixedItem> first = new AssemblingTap<>("spindle run d", "/d", "stat", -1, FixedItem.IDENTITY);
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run d", "/d", "stat", -1, FixedItem.IDENTITY))
        {
            EngineRuns.run(new TeeTap<>(writer, first), 2, 2_000, 0);
        }
        final AssemblingTap<FixedItem> second = new AssemblingTap<>("spindle resume d", "/d", "stat", 0, FixedItem.IDENTITY);
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle resume d", "/d", "stat", 0, FixedItem.IDENTITY))
        {
            EngineRuns.run(new TeeTap<>(writer, second), 2, 2_000, 100_000);
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
    void aVersionOneJournalStillReadsAndTakesAVersionTwoRun() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run v1", "/d", "stat", -1, FixedItem.IDENTITY,
            WriterSettings.defaults(), 1))
        {
            EngineRuns.run(writer, 1, 500, 0);
        }
        final RunHeader old = JournalReader.read(journal).runs().get(0).header();
        assertEquals(1, old.formatVersion());
        assertEquals("unknown", old.engine().dispatch(), "a version 1 header has no dispatch");
        assertEquals("spindle run v1", old.command(), "the texts after the missing one still read");
        assertEquals("stat", old.processor());

        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle resume v1", "/d", "stat", 0, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 500, 10_000);
        }
        final JournalContents contents = JournalReader.read(journal);
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        assertEquals(List.of(1, JournalFormat.VERSION), contents.runs().stream().map(r -> r.header().formatVersion()).toList());
        final String dispatch = contents.runs().get(1).header().engine().dispatch();
        assertTrue(dispatch.startsWith("WORKERS_CUT") || dispatch.startsWith("CUTTER_THREAD"), dispatch);
        assertEquals(500, contents.runs().get(0).items().size());
        assertEquals(500, contents.runs().get(1).items().size());
    }

    @Test
    void aJournalHasOneWriterAtATime() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY))
        {
            final IOException refused = assertThrows(IOException.class,
                () -> JournalWriter.open(journal, "c", "s", "p", 0, FixedItem.IDENTITY));
            assertTrue(refused.getMessage().contains("open for writing"), refused.getMessage());
            writer.runStarted(TapRuns.runInfo());
        }
        JournalWriter.open(journal, "c", "s", "p", 0, FixedItem.IDENTITY).close(); // free again once closed
        assertEquals(1, JournalReader.read(journal).runs().size());
    }

    @Test
    void aWriterIsSeenWhileItHoldsTheLockAndANewRunNeverJoinsAStartedJournal() throws Exception
    {
        final Path journal = dir.resolve("journal");
        assertFalse(JournalWriter.beingWritten(journal), "no journal, no writer");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY))
        {
            assertTrue(JournalWriter.beingWritten(journal));
            final JournalException taken = assertThrows(JournalException.class,
                () -> JournalWriter.open(journal, "c", "s", "p", 0, FixedItem.IDENTITY));
            assertEquals(JournalException.Kind.TAKEN, taken.kind());
            assertEquals(2, taken.kind().exitCode());
            writer.runStarted(TapRuns.runInfo());
        }
        assertFalse(JournalWriter.beingWritten(journal), "the lock went with the writer");
        final JournalException started = assertThrows(JournalException.class,
            () -> JournalWriter.open(journal, "c2", "s", "p", -1, FixedItem.IDENTITY));
        assertEquals(JournalException.Kind.TAKEN, started.kind(), "a new run (resumeOf -1) into a journal holding a run");
        assertTrue(started.getMessage().contains("another run started it first"), started.getMessage());
        assertEquals(1, JournalReader.read(journal).runs().size());
    }
}
