package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A ring too small for the load makes engine threads wait: every record still reaches the disk. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalBackpressureTest
{
    @TempDir
    Path dir;

    @Test
    void aFullRingStallsTheEngineInsteadOfDroppingRecords() throws Exception
    {
        final Path journal = dir.resolve("journal");
        // 64 KiB holds ~1,000 records; the writer thread wakes only every 10 ms to drain it
        final WriterSettings tiny = WriterSettings.defaults().ringBytes(WriterSettings.MIN_RING_BYTES)
            .idleStrategy(() -> new SleepingIdleStrategy(TimeUnit.MILLISECONDS.toNanos(10)));
        final AssemblingTap<FixedItem> memory = new AssemblingTap<>("c", "s", "p", -1, FixedItem.IDENTITY);
        final long stalls;
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY, tiny))
        {
            EngineRuns.run(new TeeTap<>(writer, memory), 2, 5_000, 0);
            stalls = writer.stalls();
            assertTrue(stalls > 0, "the engine waited for room in the ring");
            assertTrue(writer.stallNanos() > 0);
        }
        final JournalContents contents = JournalReader.read(journal);
        assertEquals(0, contents.skippedRecords());
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        EngineRuns.assertSameRun(memory.run(), contents.runs().get(0));
    }

    @Test
    void recordsLargerThanTheRingBypassItInOrder() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final WriterSettings tiny = WriterSettings.defaults().ringBytes(WriterSettings.MIN_RING_BYTES);
        final String longKey = "k".repeat(20_000); // more than the 8 KiB a 64 KiB ring takes in one record
        final FixedItem item = new FixedItem();
        final FixedBatch batch = new FixedBatch(2_000); // 16 KB of ids, not consecutive: the batch cut bypasses the ring too
        final AssemblingTap<FixedItem> memory = new AssemblingTap<>("c", "s", "p", -1, FixedItem.IDENTITY);
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "c", "s", "p", -1, FixedItem.IDENTITY, tiny))
        {
            final TeeTap<FixedItem> tap = new TeeTap<>(writer, memory);
            tap.runStarted(TapRuns.runInfo());
            final int n = batch.items.length;
            for (int i = 0; i < n; i++)
            {
                tap.itemSubmitted(item.set(i, i % 100 == 0 ? longKey + i : "short" + i, i), i, 1.5, 50, 1);
                batch.items[i].set(n - 1 - i, null, i);
            }
            batch.size = n;
            batch.batchId = 1;
            tap.batchCut(batch, 5);
            tap.batchStarted(1, 0, -1, 6);
            tap.batchFinished(1, 0, 6, 7, false, false);
            for (int i = 0; i < n; i++)
            {
                tap.itemOutcome(item.set(i, null, 0), dev.spindle.engine.Outcome.SUCCEEDED, null);
            }
            for (int i = 0; i < 10; i++)
            {
                tap.itemSubmitted(item.set(n + i, "more" + i, i), i, 1.5, 50, 1);
                batch.items[i].set(n + i, null, i);
            }
            batch.size = 10;
            batch.batchId = 2; // consecutive ids: stored as the first id and a count
            tap.batchCut(batch, 8);
            tap.batchStarted(2, 1, 3, 9);
            tap.batchFinished(2, 1, 9, 10, true, false);
        }
        final JournalContents contents = JournalReader.read(journal);
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        EngineRuns.assertSameRun(memory.run(), contents.runs().get(0));
        assertEquals(longKey + 100, contents.runs().get(0).items().get(100).key());
        assertEquals(2_000 - 1, contents.runs().get(0).batches().get(0).itemIds()[0]);
        assertEquals(2_000 + 9, contents.runs().get(0).batches().get(1).itemIds()[9]);
    }
}
