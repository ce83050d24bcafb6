package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Outcome;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real engine run through the Chronicle journal and back equals the same run recorded in memory. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalRoundTripTest
{
    @TempDir
    Path dir;

    @Test
    void aRealRunReadsBackAsTheInMemoryRecordingOfIt() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final AssemblingTap<FixedItem> memory = new AssemblingTap<>("spindle run x", "/data/x", "stat", -1, FixedItem.IDENTITY);
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run x", "/data/x", "stat", -1, FixedItem.IDENTITY))
        {
            EngineRuns.run(new TeeTap<>(writer, memory), 4, 5_000, 0);
        }
        final JournalContents contents = JournalReader.read(journal);
        assertEquals(0, contents.skippedRecords());
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        assertEquals(1, contents.runs().size());
        final RecordedRun expected = memory.run();
        final RecordedRun actual = contents.runs().get(0);
        EngineRuns.assertSameRun(expected, actual);
        assertTrue(actual.items().stream().anyMatch(i -> i.outcome() == Outcome.REJECTED), "TRY rejected some items");
        assertTrue(actual.items().stream().anyMatch(i -> i.outcome() == Outcome.FAILED), "the % 97 items failed");
        assertTrue(actual.batches().stream().anyMatch(RecordedBatch::bisected), "an injected batch failure was bisected");
        assertTrue(!actual.intervals().isEmpty() && !actual.decisions().isEmpty(), "intervals and decisions");
        assertEquals(EngineRuns.key(3), actual.items().stream().filter(i -> i.id() == 3).findFirst().orElseThrow().key());
    }
}
