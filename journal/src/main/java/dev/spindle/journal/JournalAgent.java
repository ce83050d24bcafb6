package dev.spindle.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.EncodableHistogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The journal's only disk writer: moves whole runs of committed ring records into Chronicle documents,
 * one frame per run, plus each run's hlog. A frame's records are the ring's own (Agrona's record layout
 * is the frame's), so the drain is one native-to-native copy per frame instead of a callback and two
 * copies per record; the cost is consuming the ring by hand, by Agrona's protocol (scan committed
 * lengths from the head, zero what was read, then publish the new head). Frames rather than a document
 * per record because Chronicle's per-document cost exceeds a record's; a frame torn by a crash is lost
 * whole. After a write fails it discards records, so engine threads never wait on a dead disk, and
 * {@link JournalWriter#close} reports the failure. A write to a full disk through Chronicle's mapped
 * file would fault (SIGBUS), so free space is checked before frames, keeping {@link #reserveBytes()}
 * of headroom for Chronicle's index pages: a statfs (which allocates) after every quarter of the headroom
 * written, not per frame, so the journal thread stays allocation-free between looks.
 */
final class JournalAgent implements Agent
{
    /** Ring type of a marker for a record too large for the ring, held in {@link #oversized} instead. */
    static final int OVERSIZE_MARKER = 127;
    /** Headroom left free on the journal's file system; a system property so a child JVM in a test can lower it (negative: no check). */
    static final String RESERVE_PROPERTY = "spindle.journal.reserveBytes";
    private static final long DEFAULT_RESERVE_BYTES = 1 << 20;
    private static final long TERMINATION_POLL_MS = 100;

    private final SingleChronicleQueue queue;
    private final Path dir;
    private final FileStore store;
    private final long reserveBytes = reserveBytes();
    /** The disk's free bytes at the last look (-1: not looked yet), and what this writer wrote since. */
    private long freeAtLook = -1;
    private long writtenSinceLook;
    private final AtomicBuffer ring;
    private final BytesStore<?, ByteBuffer> ringBytes;
    private final int capacity;
    private final int headPositionIndex;
    private final int formatVersion;
    private final int frameBytes;
    private final int maxFrameRecords;
    private final RunHlog hlog;
    private final Map<Long, Oversized> oversized = new ConcurrentHashMap<>();
    private final AtomicLong oversizeIds = new AtomicLong();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private ExcerptAppender appender;
    private int nextRunIndex;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile Path failedFile;
    private volatile Thread thread;
    private volatile long records;
    private volatile long frames;
    private volatile long bytes;

    private record Oversized(int type, byte[] body)
    {
    }

    JournalAgent(final SingleChronicleQueue queue, final ManyToOneRingBuffer ring, final Path dir, final int formatVersion,
        final int firstRunIndex, final WriterSettings settings)
    {
        this.queue = queue;
        this.dir = dir;
        this.store = fileStore(dir);
        this.ring = ring.buffer();
        this.capacity = ring.capacity();
        this.headPositionIndex = capacity + RingBufferDescriptor.HEAD_POSITION_OFFSET;
        this.ringBytes = BytesStore.wrap(this.ring.byteBuffer());
        this.formatVersion = formatVersion;
        this.frameBytes = settings.frameBytes();
        this.maxFrameRecords = settings.maxFrameRecords();
        this.hlog = new RunHlog(dir);
        this.nextRunIndex = firstRunIndex;
    }

    /** Keeps a record too large for the ring until its marker comes through; returns the marker's id. */
    long stash(final int type, final byte[] body)
    {
        final long id = oversizeIds.incrementAndGet();
        oversized.put(id, new Oversized(type, body));
        return id;
    }

    void unstash(final long id)
    {
        oversized.remove(id);
    }

    static long reserveBytes()
    {
        return Long.getLong(RESERVE_PROPERTY, DEFAULT_RESERVE_BYTES);
    }

    private static FileStore fileStore(final Path dir)
    {
        try
        {
            return Files.getFileStore(dir);
        }
        catch (final IOException e)
        {
            return null; // no check; a failed write is still caught
        }
    }

    @Override
    public void onStart()
    {
        thread = Thread.currentThread();
        try
        {
            appender = queue.createAppender();
        }
        catch (final RuntimeException | Error e)
        {
            fail(e);
        }
    }

    @Override
    public int doWork()
    {
        int work;
        try
        {
            work = drain();
        }
        catch (final RuntimeException | Error e)
        {
            // a mapped write's fault may surface after the write returned; the failure flag makes the next drain discard
            fail(e);
            work = 1;
        }
        if (work == 0 && stopping)
        {
            throw new AgentTerminationException();
        }
        return work;
    }

    /**
     * Takes the committed records from the head up to the end of the ring's contiguous block, the frame
     * limits, an uncommitted record, or a record that must stand apart (a run header starts a frame; a
     * padding record or an oversize marker is handled alone). Returns the records taken.
     */
    private int drain()
    {
        final long head = ring.getLong(headPositionIndex);
        final int headIndex = (int)head & (capacity - 1);
        final int contiguous = capacity - headIndex;
        int length = 0;
        int count = 0;
        while (length < contiguous && count < maxFrameRecords && length < frameBytes)
        {
            final int at = headIndex + length;
            final int recordLength = ring.getIntVolatile(RecordDescriptor.lengthOffset(at));
            if (recordLength <= 0)
            {
                break; // claimed, not yet committed
            }
            final int type = ring.getInt(RecordDescriptor.typeOffset(at));
            if (count > 0 && (type == RingBuffer.PADDING_MSG_TYPE_ID || type == OVERSIZE_MARKER || type == RunHeaderDescriptor.TYPE))
            {
                break;
            }
            final int aligned = align(recordLength);
            if (type == RingBuffer.PADDING_MSG_TYPE_ID)
            {
                consume(head, headIndex, aligned);
                return 1;
            }
            if (type == OVERSIZE_MARKER)
            {
                final Oversized record = oversized.remove(ring.getLong(RecordDescriptor.encodedMsgOffset(at)));
                consume(head, headIndex, aligned);
                if (record != null)
                {
                    writeOversized(record);
                }
                return 1;
            }
            observe(type, at + RecordDescriptor.HEADER_LENGTH);
            length += aligned;
            count++;
        }
        if (count > 0)
        {
            writeFrame(headIndex, length, count);
            consume(head, headIndex, length);
        }
        return count;
    }

    /** Agrona's consumer protocol: zero what was read (claims rely on it), then release the space. */
    private void consume(final long head, final int headIndex, final int length)
    {
        ring.setMemory(headIndex, length, (byte)0);
        ring.putLongOrdered(headPositionIndex, head + length);
    }

    private void writeFrame(final int index, final int length, final int count)
    {
        if (failure != null || !room(FrameDescriptor.HEADER_LENGTH + length))
        {
            return;
        }
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> out = document.wire().bytes();
            out.writeInt(FrameDescriptor.MAGIC).writeInt(formatVersion).writeInt(count).writeInt(length);
            out.write(ringBytes, (long)index, (long)length);
        }
        catch (final RuntimeException | Error e)
        {
            fail(e);
            return;
        }
        frames++;
        records += count;
        bytes += FrameDescriptor.HEADER_LENGTH + length;
    }

    /** A record too large for the ring, in a frame of its own. */
    private void writeOversized(final Oversized record)
    {
        final int recordLength = FrameDescriptor.RECORD_HEADER_LENGTH + record.body().length;
        final int aligned = align(recordLength);
        if (failure == null && room(FrameDescriptor.HEADER_LENGTH + aligned))
        {
            try (DocumentContext document = appender.writingDocument())
            {
                final Bytes<?> out = document.wire().bytes();
                out.writeInt(FrameDescriptor.MAGIC).writeInt(formatVersion).writeInt(1).writeInt(aligned);
                out.writeInt(recordLength).writeInt(record.type()).write(record.body());
                for (int k = recordLength; k < aligned; k++)
                {
                    out.writeByte((byte)0);
                }
            }
            catch (final RuntimeException | Error e)
            {
                fail(e);
                return;
            }
            frames++;
            records++;
            bytes += FrameDescriptor.HEADER_LENGTH + aligned;
        }
        observe(record.type(), new UnsafeBuffer(record.body()), 0);
    }

    private void observe(final int type, final int index)
    {
        if (type == RunHeaderDescriptor.TYPE || type == RunFooterDescriptor.TYPE)
        {
            observe(type, ring, index);
        }
        else if (type == IntervalDescriptor.TYPE)
        {
            observe(type, ring, index);
        }
    }

    /** Run headers, intervals and footers also drive the run's hlog. */
    private void observe(final int type, final DirectBuffer b, final int i)
    {
        if (failure != null)
        {
            return;
        }
        try
        {
            if (type == RunHeaderDescriptor.TYPE)
            {
                hlog.runStarted(nextRunIndex++, b.getLong(i + RunHeaderDescriptor.START_EPOCH_MILLIS_OFFSET),
                    b.getLong(i + RunHeaderDescriptor.START_NANOS_OFFSET));
            }
            else if (type == IntervalDescriptor.TYPE)
            {
                final EncodableHistogram[] histograms = new EncodableHistogram[IntervalDescriptor.HISTOGRAM_COUNT];
                int at = i + IntervalDescriptor.HISTOGRAMS_OFFSET;
                for (int k = 0; k < histograms.length; k++)
                {
                    final int n = b.getInt(at + Long.BYTES);
                    final byte[] encoding = new byte[n];
                    b.getBytes(at + IntervalDescriptor.HISTOGRAM_HEADER_LENGTH, encoding);
                    histograms[k] = new EncodedHistogram(encoding, b.getLong(at));
                    at += IntervalDescriptor.HISTOGRAM_HEADER_LENGTH + n;
                }
                hlog.interval(b.getLong(i + IntervalDescriptor.START_NANOS_OFFSET), b.getLong(i + IntervalDescriptor.LENGTH_NANOS_OFFSET),
                    histograms);
            }
            else if (type == RunFooterDescriptor.TYPE)
            {
                hlog.close();
            }
        }
        catch (final IOException e)
        {
            fail(hlog.file(), e);
        }
        catch (final UncheckedIOException e)
        {
            fail(hlog.file(), e.getCause());
        }
        catch (final RuntimeException | Error e)
        {
            fail(hlog.file(), e);
        }
    }

    /**
     * Whether the disk has room for {@code bytes} more plus the headroom; fails the journal when not. Looks at
     * the disk again once a quarter of the headroom has been written since the last look.
     */
    private boolean room(final long bytes)
    {
        if (store == null || reserveBytes < 0)
        {
            return true;
        }
        if (freeAtLook >= 0 && writtenSinceLook + bytes <= reserveBytes / 4 && freeAtLook - writtenSinceLook - bytes >= reserveBytes)
        {
            writtenSinceLook += bytes;
            return true;
        }
        try
        {
            final long free = store.getUsableSpace();
            freeAtLook = free;
            writtenSinceLook = bytes;
            if (free >= bytes + reserveBytes)
            {
                return true;
            }
            fail(new IOException("No space left on device: " + free + " bytes free, the next frame needs " + bytes + " and "
                + reserveBytes + " of headroom"));
        }
        catch (final IOException e)
        {
            fail(e);
        }
        return false;
    }

    private static int align(final int length)
    {
        return (length + RecordDescriptor.ALIGNMENT - 1) & -RecordDescriptor.ALIGNMENT;
    }

    void fail(final Throwable t)
    {
        fail(null, t);
    }

    /** The first failure wins; {@code file} null means the queue's newest cycle file. */
    private synchronized void fail(final Path file, final Throwable t)
    {
        if (failure == null)
        {
            failedFile = file != null ? file : JournalFiles.newestCycle(dir);
            failure = t;
        }
    }

    /** Drain what is in the ring, then stop. */
    void stop()
    {
        stopping = true;
    }

    /** Returns once the writer thread closed the queue, or died without doing so (it can never hang a close). */
    void awaitTerminated()
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                if (terminated.await(TERMINATION_POLL_MS, TimeUnit.MILLISECONDS))
                {
                    break;
                }
                final Thread writer = thread;
                if (writer != null && !writer.isAlive())
                {
                    fail(new IllegalStateException("the journal's writer thread died"));
                    onClose(); // it died before closing the queue and the run log
                    break;
                }
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onClose()
    {
        try
        {
            closeStep(hlog.file(), hlog::close);
            closeStep(null, () ->
            {
                if (appender != null)
                {
                    appender.close();
                }
            });
            closeStep(null, queue::close);
            closeStep(null, ringBytes::releaseLast);
        }
        finally
        {
            terminated.countDown();
        }
    }

    /** Each close step on its own, so a fault in one (a mapped page gone bad) still closes the rest. */
    private void closeStep(final Path file, final Runnable step)
    {
        try
        {
            step.run();
        }
        catch (final RuntimeException | Error e)
        {
            fail(file, e);
        }
    }

    @Override
    public String roleName()
    {
        return "spindle-journal";
    }

    Throwable failure()
    {
        return failure;
    }

    /** The file a failed write was meant for; null before a failure. */
    Path failedFile()
    {
        return failedFile;
    }

    long records()
    {
        return records;
    }

    long frames()
    {
        return frames;
    }

    long bytes()
    {
        return bytes;
    }
}
