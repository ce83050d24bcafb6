package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Outcome;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tap's per-item calls allocate nothing on the calling thread, once warm. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalAllocationTest
{
    private static final int ITEMS = 200_000;
    private static final int BATCH = 64;

    @TempDir
    Path dir;

    @Test
    void perItemTapCallsAllocateNothing() throws Exception
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        final FixedItem item = new FixedItem();
        final FixedBatch batch = new FixedBatch(BATCH);
        final String[] keys = new String[1024];
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = EngineRuns.key(i);
        }
        try (JournalWriter<FixedItem> writer = JournalWriter.open(dir.resolve("journal"), "c", "s", "p", -1, FixedItem.IDENTITY))
        {
            writer.runStarted(TapRuns.runInfo());
            drive(writer, item, batch, keys, 0); // warm: JIT-compiled before measuring
            drive(writer, item, batch, keys, ITEMS);
            final long agent = journalThread();
            awaitWritten(writer, 1 + 2 * recordsPerDrive());
            final long agentBefore = threads.getThreadAllocatedBytes(agent);
            final long before = threads.getThreadAllocatedBytes(self);
            drive(writer, item, batch, keys, 2L * ITEMS);
            final long allocated = threads.getThreadAllocatedBytes(self) - before;
            awaitWritten(writer, 1 + 3 * recordsPerDrive());
            final long agentAllocated = threads.getThreadAllocatedBytes(agent) - agentBefore;
            System.out.printf("tap thread: %d bytes for %d items; journal thread: %d bytes for %d records in %d frames%n", allocated, ITEMS,
                agentAllocated, recordsPerDrive(), writer.framesWritten());
            assertTrue(allocated < 1_024, () -> allocated + " bytes allocated for " + ITEMS + " items' records");
            assertTrue(agentAllocated < recordsPerDrive() / 10, () -> "the journal thread allocated " + agentAllocated + " bytes for "
                + recordsPerDrive() + " records");
        }
    }

    private static long recordsPerDrive()
    {
        return 2L * ITEMS + 3L * (ITEMS / BATCH);
    }

    private static long journalThread()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("spindle-journal")).findFirst().orElseThrow()
            .getId();
    }

    private static void awaitWritten(final JournalWriter<FixedItem> writer, final long records) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (writer.recordsWritten() < records && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertTrue(writer.recordsWritten() >= records, "the journal thread wrote " + writer.recordsWritten() + " of " + records);
    }

    /** Per item: submitted and outcome (a failure's reason every 100th); per 64 items: cut, started, finished. */
    private static void drive(final JournalWriter<FixedItem> writer, final FixedItem item, final FixedBatch batch, final String[] keys,
        final long base)
    {
        for (long id = base; id < base + ITEMS; id++)
        {
            writer.itemSubmitted(item.set(id, keys[(int)(id & 1023)], id), id, 2.5, 50, 1);
            final int slot = (int)(id % BATCH);
            batch.items[slot].set(id, null, 0);
            if (slot == BATCH - 1)
            {
                batch.size = BATCH;
                batch.batchId = id / BATCH;
                writer.batchCut(batch, id);
                writer.batchStarted(batch.batchId, 0, -1, id);
                for (int i = 0; i < BATCH; i++)
                {
                    final long settled = batch.items[i].id;
                    writer.itemOutcome(item.set(settled, null, 0), settled % 100 == 0 ? Outcome.FAILED : Outcome.SUCCEEDED,
                        settled % 100 == 0 ? "failed on purpose" : null);
                }
                writer.batchFinished(batch.batchId, 0, id, id + 1, false, false);
            }
        }
    }
}
