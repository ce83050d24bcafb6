package dev.spindle.journal;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * How a {@link JournalWriter} buffers: the ring engine threads encode into (bounded; when it is full they
 * wait, nothing is dropped), how much of it goes into one Chronicle document, and how the writer thread
 * idles. The default sleeps 1 ms after each drain, then parks until an engine thread commits a record:
 * a spinning journal thread would take a core from the workers on a small machine, and a 32 MiB ring
 * holds far more than a millisecond of records at any rate the engine reaches. So under load a record
 * reaches the file within about a millisecond of its event (a SIGKILL loses about the last millisecond:
 * an outcome the listener saw may not be in the journal yet), and after a quiet spell within
 * microseconds, given a free core to run on. Any other {@link IdleStrategy} works too, without the wake-up.
 *
 * @param ringBytes       ring capacity, a power of two of at least {@link #MIN_RING_BYTES}; records larger than
 *                        an eighth of it bypass the ring (allocating)
 * @param frameBytes      a frame is written once it holds this many bytes (or the ring is drained)
 * @param maxFrameRecords at most this many records per Chronicle document (1 = one document per record)
 * @param idleStrategy    the writer thread's idle strategy, one per writer
 */
public record WriterSettings(int ringBytes, int frameBytes, int maxFrameRecords, Supplier<IdleStrategy> idleStrategy)
{
    public static final int MIN_RING_BYTES = 64 * 1024;
    public static final int DEFAULT_RING_BYTES = 32 * 1024 * 1024;
    public static final int DEFAULT_FRAME_BYTES = 1024 * 1024;

    public WriterSettings
    {
        if (ringBytes < MIN_RING_BYTES || Integer.bitCount(ringBytes) != 1)
        {
            throw new IllegalArgumentException("ringBytes must be a power of two >= " + MIN_RING_BYTES + ", was " + ringBytes);
        }
        if (frameBytes < 4096)
        {
            throw new IllegalArgumentException("frameBytes must be >= 4096, was " + frameBytes);
        }
        if (maxFrameRecords < 1)
        {
            throw new IllegalArgumentException("maxFrameRecords must be >= 1, was " + maxFrameRecords);
        }
        if (idleStrategy == null)
        {
            throw new IllegalArgumentException("idleStrategy must not be null");
        }
    }

    public static WriterSettings defaults()
    {
        return new WriterSettings(DEFAULT_RING_BYTES, DEFAULT_FRAME_BYTES, Integer.MAX_VALUE,
            () -> new WakingIdleStrategy(TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(100)));
    }

    public WriterSettings ringBytes(final int bytes)
    {
        return new WriterSettings(bytes, frameBytes, maxFrameRecords, idleStrategy);
    }

    public WriterSettings frameBytes(final int bytes)
    {
        return new WriterSettings(ringBytes, bytes, maxFrameRecords, idleStrategy);
    }

    public WriterSettings maxFrameRecords(final int records)
    {
        return new WriterSettings(ringBytes, frameBytes, records, idleStrategy);
    }

    public WriterSettings idleStrategy(final Supplier<IdleStrategy> strategy)
    {
        return new WriterSettings(ringBytes, frameBytes, maxFrameRecords, strategy);
    }
}
