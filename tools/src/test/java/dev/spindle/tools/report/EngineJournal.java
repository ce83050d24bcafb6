package dev.spindle.tools.report;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.Pinning;
import dev.spindle.engine.Spindle;
import dev.spindle.journal.JournalWriter;
import dev.spindle.tools.FileItem;
import dev.spindle.tools.SeedCost;
import dev.spindle.tools.SeedPriority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Writes a journal the way a real run does: the real engine, tuned for throughput, through the real
 * JournalWriter, with file items scored by the seed formulas. Items arrive paced in 10 ms ticks and
 * each costs {@code perItem} of parked time, so the run spans several metrics intervals and the tuner
 * has something to decide.
 */
public final class EngineJournal
{
    private EngineJournal()
    {
    }

    /** Submits {@code items} (or until {@code stop} says so) at about {@code perSecond}, then closes the engine and the writer. */
    public static void record(final Path dir, final int items, final int perSecond, final Duration perItem, final Duration interval,
        final BooleanSupplier stop) throws Exception
    {
        final long perItemNanos = perItem.toNanos();
        final JournalWriter<FileItem> writer = JournalWriter.open(dir, "spindle test", "/test/source", "parked", -1, FileItem.IDENTITY);
        try
        {
            try (Spindle<FileItem> engine = Spindle.builder(FileItem::new, batch -> LockSupport.parkNanos(perItemNanos * batch.size()))
                .cost(SeedCost.INSTANCE).priority(SeedPriority.INSTANCE)
                .workers(2).maxBatchItems(16).maxLinger(Duration.ofMillis(2)).backpressure(Backpressure.BLOCK).pinning(Pinning.NEVER)
                .threadNamePrefix("journal-test").intervalLength(interval).tuneForThroughput().journal(writer).build().start())
            {
                final FileItem item = new FileItem();
                final int perTick = Math.max(1, perSecond / 100);
                long next = System.nanoTime();
                for (int id = 0; id < items && !stop.getAsBoolean(); id++)
                {
                    engine.publish(FileItem.COPY, item.reset().id(id).key("item-" + id).sizeBytes(100 + (id * 7919L) % 50_000));
                    if (id % perTick == perTick - 1)
                    {
                        next += TimeUnit.MILLISECONDS.toNanos(10);
                        LockSupport.parkNanos(next - System.nanoTime());
                    }
                }
            }
        }
        finally
        {
            writer.close();
        }
    }
}
