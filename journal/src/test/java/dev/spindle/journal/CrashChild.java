package dev.spindle.journal;

import dev.spindle.engine.Backpressure;
import dev.spindle.engine.ItemTranslatorOneArg;
import dev.spindle.engine.Spindle;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The process {@link JournalCrashTest} kills with SIGKILL. {@code engine DIR}: an engine journaling to DIR
 * without end, slow batches keeping items in flight; prints READY 200 ms after the 2,000th outcome, when
 * the journal thread has long written those. {@code torn
 * DIR}: one closed run, then a raw Chronicle write left open mid-document (frame header says 7 records,
 * half of it written, the queue's write lock held) before printing TORN.
 */
public final class CrashChild
{
    private static final ItemTranslatorOneArg<FixedItem, Long> ITEM = (item, id) -> item.set(id, EngineRuns.key(id), id);

    private CrashChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path dir = Path.of(args[1]);
        if ("engine".equals(args[0]))
        {
            engine(dir);
        }
        else
        {
            torn(dir);
        }
    }

    private static void engine(final Path dir) throws Exception
    {
        final AtomicLong done = new AtomicLong();
        final JournalWriter<FixedItem> writer = JournalWriter.open(dir, "crash engine", "/data/crash", "stat", -1, FixedItem.IDENTITY);
        final Spindle<FixedItem> engine = Spindle.builder(FixedItem::new, batch -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)))
            .listener((item, outcome, result, reason) -> done.incrementAndGet())
            .workers(2).ringSize(1024).maxBatchItems(32).backpressure(Backpressure.BLOCK).journal(writer).build().start();
        long announceAt = Long.MAX_VALUE;
        boolean announced = false;
        for (long id = 0; ; id++)
        {
            engine.publish(ITEM, id);
            if (announceAt == Long.MAX_VALUE && done.get() > 2_000)
            {
                announceAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200); // the journal is ~1 ms behind the listener
            }
            if (!announced && System.nanoTime() - announceAt > 0)
            {
                System.out.println("READY");
                System.out.flush();
                announced = true;
            }
        }
    }

    private static void torn(final Path dir) throws Exception
    {
        try (JournalWriter<FixedItem> writer = JournalWriter.open(dir, "crash torn", "/data/torn", "stat", -1, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 500, 0);
        }
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext document = appender.writingDocument();
        document.wire().bytes().writeInt(FrameDescriptor.MAGIC).writeInt(JournalFormat.VERSION).writeInt(7).writeInt(7 * 32)
            .write(new byte[100]);
        System.out.println("TORN");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
}
