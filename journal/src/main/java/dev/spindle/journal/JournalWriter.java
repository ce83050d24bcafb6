package dev.spindle.journal;

import dev.spindle.engine.Batch;
import dev.spindle.engine.JournalTap;
import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import dev.spindle.engine.metrics.IntervalSnapshot;
import dev.spindle.engine.metrics.PerformanceReport;
import dev.spindle.engine.tune.Decision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Records an engine's every scheduling event into a Chronicle Queue journal. Engine threads only encode
 * each record (UTF-8 by hand, no allocation) into an Agrona many-to-one ring; one writer thread drains it
 * into frames on disk, so the hot path never waits on I/O — but when the ring is full the calling thread
 * waits for room (spin, yield, park; counted in {@link #stalls()}): records are never dropped and the ring
 * never grows. Records larger than an eighth of the ring bypass it, allocating.
 * <p>
 * Open one per run (or per resume of a run: {@code open} appends to an existing journal; one writer per
 * journal at a time), hand it to {@code Spindle.builder(...).journal(writer)}, and close it after the
 * engine closed: {@link #close} drains everything, then stops the writer thread and the queue. Each run's
 * interval histograms also go to {@code run-<index>.hlog} in the journal directory. The writer reads an
 * item's id, key and size through the {@link ItemIdentity} it was opened with.
 *
 * @param <T> the engine's item type
 */
public final class JournalWriter<T> implements JournalTap<T>, AutoCloseable
{
    /** Keys, reasons and header texts are cut (at a character boundary) to this many UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = Utf8.MAX_BYTES;

    /**
     * Chronicle's wait for a write lock held by another live process. A writer killed mid-document leaves
     * the lock to its dead pid: Chronicle releases that when the queue is built, so a resume never waits.
     */
    private static final long LOCK_TIMEOUT_MS = 2_000;
    private static final int CLOSED = -1;
    private static final int OVERSIZE = -2;
    private static final int SPINS = 100;
    private static final int YIELDS = 20;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Path dir;
    private final String command;
    private final String source;
    private final String processor;
    private final String runSettings;
    private final int resumeOf;
    private final int formatVersion;
    private final ItemIdentity<? super T> identity;
    private final ManyToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final int maxRecordLength;
    private final JournalAgent agent;
    private final AgentRunner runner;
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong stallNanos = new AtomicLong();
    private final ByteBuffer[] encodings = new ByteBuffer[IntervalDescriptor.HISTOGRAM_COUNT];
    private final WriterLock lock;
    private final WakingIdleStrategy waking;
    private volatile boolean closed;
    private volatile int interruptedBy;
    private final CpuMeter cpu = new CpuMeter();
    private boolean closeCalled;

    private JournalWriter(final Path dir, final String command, final String source, final String processor, final String runSettings,
        final int resumeOf,
        final ItemIdentity<? super T> identity, final int formatVersion, final SingleChronicleQueue queue, final int firstRunIndex,
        final WriterSettings settings, final WriterLock lock)
    {
        this.dir = dir;
        this.identity = identity;
        this.command = command;
        this.source = source;
        this.processor = processor;
        this.runSettings = Objects.requireNonNull(runSettings, "runSettings");
        this.resumeOf = resumeOf;
        this.formatVersion = formatVersion;
        this.lock = lock;
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(settings.ringBytes() + RingBufferDescriptor.TRAILER_LENGTH));
        this.ring = new ManyToOneRingBuffer(buffer);
        this.maxRecordLength = ring.maxMsgLength();
        this.agent = new JournalAgent(queue, ring, dir, formatVersion, firstRunIndex, settings);
        final IdleStrategy idle = settings.idleStrategy().get();
        this.waking = idle instanceof WakingIdleStrategy ? (WakingIdleStrategy)idle : null;
        if (waking != null)
        {
            waking.watch(ring);
        }
        this.runner = new AgentRunner(idle, t ->
        {
            if (!(t instanceof AgentTerminationException))
            {
                agent.fail(t);
            }
        }, null, agent);
    }

    /**
     * Opens the journal at {@code dir} for one more run: a new one if {@code dir} does not exist or is
     * empty, else appended to the journal there (a resume). {@code resumeOf} is the index of the run this
     * one resumes, or -1. Refuses a directory holding something else (NOT_A_JOURNAL), a broken journal
     * (CORRUPT) and a newer format (NEWER_VERSION). {@code identity} tells the writer each item's id, key and size.
     */
    public static <T> JournalWriter<T> open(final Path dir, final String command, final String source, final String processor,
        final int resumeOf, final ItemIdentity<? super T> identity) throws IOException
    {
        return open(dir, command, source, processor, resumeOf, identity, WriterSettings.defaults());
    }

    public static <T> JournalWriter<T> open(final Path dir, final String command, final String source, final String processor,
        final int resumeOf, final ItemIdentity<? super T> identity, final WriterSettings settings) throws IOException
    {
        return open(dir, command, source, processor, resumeOf, identity, settings, JournalFormat.VERSION);
    }

    /**
     * With the settings that shaped the run's outputs ({@code runSettings}, text of the caller's choosing,
     * recorded in the run header from format 4) so a resume can reuse them.
     */
    public static <T> JournalWriter<T> open(final Path dir, final String command, final String source, final String processor,
        final String runSettings, final int resumeOf, final ItemIdentity<? super T> identity) throws IOException
    {
        return open(dir, command, source, processor, runSettings, resumeOf, identity, WriterSettings.defaults(), JournalFormat.VERSION);
    }

    /**
     * With a format version of the caller's choosing: tests write "newer" journals with it, and version 1
     * journals (a run header without the dispatch) to check they still read.
     */
    static <T> JournalWriter<T> open(final Path dir, final String command, final String source, final String processor,
        final int resumeOf, final ItemIdentity<? super T> identity, final WriterSettings settings, final int formatVersion)
        throws IOException
    {
        return open(dir, command, source, processor, "", resumeOf, identity, settings, formatVersion);
    }

    private static <T> JournalWriter<T> open(final Path dir, final String command, final String source, final String processor,
        final String runSettings, final int resumeOf, final ItemIdentity<? super T> identity, final WriterSettings settings,
        final int formatVersion) throws IOException
    {
        Objects.requireNonNull(identity, "identity");
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new IOException("the journal format is little-endian and this JVM is not");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, "not a directory: " + dir);
        }
        if (Files.isDirectory(dir) && JournalFiles.hasEntries(dir) && !JournalFiles.hasQueueFiles(dir))
        {
            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, dir + " is not empty and holds no journal");
        }
        final WriterLock lock;
        try
        {
            Files.createDirectories(dir);
            lock = WriterLock.acquire(dir);
        }
        catch (final IOException e)
        {
            throw WriteFailures.diskError(e) ? new WriteFailedException(dir, e, "") : e;
        }
        final long reserve = JournalAgent.reserveBytes();
        final long free = Files.getFileStore(dir).getUsableSpace();
        if (reserve >= 0 && free < reserve)
        {
            // Chronicle maps its files: building a queue on a full disk would fault (SIGBUS), in the VM itself at worst
            lock.close();
            throw new WriteFailedException(dir, new IOException("No space left on device: " + free + " bytes free, the journal keeps "
                + reserve + " free"), "");
        }
        final SingleChronicleQueue queue;
        final long documents;
        final boolean existing;
        try
        {
            // looked at again under the lock: a writer that won the lock race may have started the journal meanwhile
            existing = JournalFiles.hasEntries(dir);
            final JournalFiles.Layout layout = existing ? JournalFiles.inspect(dir) : null;
            if (layout != null && layout.damaged())
            {
                throw new JournalException(JournalException.Kind.CORRUPT, dir + " is damaged (a file cut short): rebuild it first ("
                    + JournalRepair.class.getSimpleName() + ", as 'spindle resume' does)");
            }
            documents = layout != null ? layout.dataDocuments() : 0;
            queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).timeoutMS(LOCK_TIMEOUT_MS).build();
        }
        catch (final IOException e)
        {
            lock.close();
            throw e;
        }
        catch (final RuntimeException | InternalError e)
        {
            lock.close();
            if (WriteFailures.diskError(e))
            {
                throw new WriteFailedException(dir, e, "");
            }
            throw new JournalException(JournalException.Kind.CORRUPT, "cannot open the queue in " + dir + ": " + e.getMessage());
        }
        try
        {
            int runs = 0;
            if (existing)
            {
                runs = existingRuns(queue, dir, documents, formatVersion);
            }
            if (resumeOf < 0 && documents > 0)
            {
                throw new JournalException(JournalException.Kind.TAKEN, "journal " + dir + " is not empty: another run started it first"
                    + " (a run writes a new journal; finish a crashed run with 'spindle resume " + dir + "')");
            }
            queue.tableStorePut(JournalFiles.FORMAT_KEY, formatVersion);
            final JournalWriter<T> writer = new JournalWriter<>(dir, command, source, processor, runSettings, resumeOf, identity, formatVersion, queue,
                runs, settings, lock);
            AgentRunner.startOnThread(writer.runner, r ->
            {
                final Thread thread = new Thread(r, "spindle-journal");
                thread.setDaemon(true);
                // Agrona rethrows an Error, and a mapped write's fault (InternalError) can surface anywhere on this thread
                thread.setUncaughtExceptionHandler((t, e) -> writer.agent.fail(e));
                return thread;
            });
            return writer;
        }
        catch (final IOException | RuntimeException | Error e)
        {
            queue.close();
            lock.close();
            if (!(e instanceof JournalException) && WriteFailures.diskError(e))
            {
                throw new WriteFailedException(dir, e, "");
            }
            throw e;
        }
    }

    /** Counts the runs already in the journal, checking its format on the way (frame heads only). */
    private static int existingRuns(final SingleChronicleQueue queue, final Path dir, final long documents, final int formatVersion)
        throws JournalException
    {
        final long marked = queue.tableStoreGet(JournalFiles.FORMAT_KEY);
        if (marked > formatVersion)
        {
            throw newer(dir, marked, formatVersion);
        }
        int runs = 0;
        long seen = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (seen < documents)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        break;
                    }
                    if (!document.isData())
                    {
                        continue;
                    }
                    seen++;
                    final Bytes<?> bytes = document.wire().bytes();
                    final long at = bytes.readPosition();
                    final long length = bytes.readRemaining();
                    if (length < FrameDescriptor.HEADER_LENGTH || bytes.readInt(at + FrameDescriptor.MAGIC_OFFSET) != FrameDescriptor.MAGIC)
                    {
                        if (seen == 1)
                        {
                            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL,
                                dir + " holds a Chronicle Queue that is not a Spindle journal");
                        }
                        continue;
                    }
                    final int version = bytes.readInt(at + FrameDescriptor.VERSION_OFFSET);
                    if (version > formatVersion)
                    {
                        throw newer(dir, version, formatVersion);
                    }
                    if (length >= FrameDescriptor.HEADER_LENGTH + FrameDescriptor.RECORD_HEADER_LENGTH
                        && bytes.readInt(at + FrameDescriptor.HEADER_LENGTH + FrameDescriptor.RECORD_TYPE_OFFSET) == RunHeaderDescriptor.TYPE)
                    {
                        runs++;
                    }
                }
            }
        }
        return runs;
    }

    static JournalException newer(final Path dir, final long version, final int supported)
    {
        return new JournalException(JournalException.Kind.NEWER_VERSION,
            dir + " is journal format " + version + ", newer than this Spindle's format " + supported);
    }

    /**
     * True while a live process, this one included, writes the journal at {@code dir} (holds its writer
     * lock). A journal whose last run has no footer and no live writer is a crashed run, not a running one.
     */
    public static boolean beingWritten(final Path dir) throws IOException
    {
        return WriterLock.held(dir);
    }

    public Path dir()
    {
        return dir;
    }

    /** Tap calls that found the ring full and waited for room. */
    public long stalls()
    {
        return stalls.get();
    }

    /** Total time tap calls spent waiting for room in the ring. */
    public long stallNanos()
    {
        return stallNanos.get();
    }

    /** Records, frames (Chronicle documents) and frame bytes written so far. */
    public long recordsWritten()
    {
        return agent.records();
    }

    public long framesWritten()
    {
        return agent.frames();
    }

    public long bytesWritten()
    {
        return agent.bytes();
    }

    @Override
    public void runStarted(final RunInfo run)
    {
        cpu.runStarted(run.workers());
        final String[] all = {run.spindleVersion(), run.backpressure(), run.waitMode(), run.pinning(), run.tuning(), run.jvm(), command, source,
            processor, run.dispatch(), runSettings};
        final String[] texts = Arrays.copyOf(all, RunHeaderDescriptor.textCount(formatVersion));
        final int[] textBytes = new int[texts.length];
        int length = RunHeaderDescriptor.TEXTS_OFFSET;
        for (int k = 0; k < texts.length; k++)
        {
            textBytes[k] = Utf8.encodedLength(texts[k], MAX_TEXT_BYTES);
            length += Utf8.fieldSize(textBytes[k]);
        }
        final int index = claim(RunHeaderDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.runHeader(buffer, index, formatVersion, resumeOf, run, texts, textBytes);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.runHeader(record, 0, formatVersion, resumeOf, run, texts, textBytes);
            oversize(RunHeaderDescriptor.TYPE, record);
        }
    }

    @Override
    public void itemSubmitted(final T item, final long submitNanos, final double complexity, final int priority, final int lane)
    {
        final long id = identity.id(item);
        final long sizeBytes = identity.sizeBytes(item);
        final String key = identity.key(item);
        final int keyBytes = Utf8.encodedLength(key, MAX_TEXT_BYTES);
        final int length = ItemSubmittedDescriptor.length(keyBytes);
        final int index = claim(ItemSubmittedDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.itemSubmitted(buffer, index, id, sizeBytes, complexity, submitNanos, priority, lane, key, keyBytes);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.itemSubmitted(record, 0, id, sizeBytes, complexity, submitNanos, priority, lane, key, keyBytes);
            oversize(ItemSubmittedDescriptor.TYPE, record);
        }
    }

    @Override
    public void itemRefused(final T item, final long nanos, final String reason)
    {
        final long id = identity.id(item);
        final long sizeBytes = identity.sizeBytes(item);
        final String key = identity.key(item);
        final int keyBytes = Utf8.encodedLength(key, MAX_TEXT_BYTES);
        final int reasonBytes = Utf8.encodedLength(reason, MAX_TEXT_BYTES);
        final int length = ItemRefusedDescriptor.length(keyBytes, reasonBytes);
        final int index = claim(ItemRefusedDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.itemRefused(buffer, index, id, sizeBytes, nanos, key, keyBytes, reason, reasonBytes);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.itemRefused(record, 0, id, sizeBytes, nanos, key, keyBytes, reason, reasonBytes);
            oversize(ItemRefusedDescriptor.TYPE, record);
        }
    }

    @Override
    public void batchCut(final Batch<? extends T> batch, final long nanos)
    {
        final boolean consecutive = RecordEncoder.consecutive(batch, identity);
        final int length = BatchCutDescriptor.length(batch.size(), consecutive);
        final int index = claim(BatchCutDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.batchCut(buffer, index, batch, identity, nanos, consecutive);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.batchCut(record, 0, batch, identity, nanos, consecutive);
            oversize(BatchCutDescriptor.TYPE, record);
        }
    }

    @Override
    public void batchStarted(final long batchId, final int worker, final int cpu, final long nanos)
    {
        this.cpu.batchStarted(worker);
        final int index = claim(BatchStartedDescriptor.TYPE, BatchStartedDescriptor.LENGTH);
        if (index >= 0)
        {
            RecordEncoder.batchStarted(buffer, index, batchId, worker, cpu, nanos);
            commit(index);
        }
    }

    @Override
    public void batchFinished(final long batchId, final int worker, final long startNanos, final long endNanos, final boolean bisected,
        final boolean allSucceeded)
    {
        cpu.batchFinished(worker);
        final int index = claim(BatchFinishedDescriptor.TYPE, BatchFinishedDescriptor.LENGTH);
        if (index >= 0)
        {
            RecordEncoder.batchFinished(buffer, index, batchId, worker, startNanos, endNanos, bisected, allSucceeded);
            commit(index);
        }
    }

    @Override
    public void itemOutcome(final T item, final Outcome outcome, final String reason)
    {
        final long id = identity.id(item);
        final int reasonBytes = Utf8.encodedLength(reason, MAX_TEXT_BYTES);
        final int length = ItemOutcomeDescriptor.length(reasonBytes);
        final int index = claim(ItemOutcomeDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.itemOutcome(buffer, index, id, outcome, reason, reasonBytes);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.itemOutcome(record, 0, id, outcome, reason, reasonBytes);
            oversize(ItemOutcomeDescriptor.TYPE, record);
        }
    }

    /** From the tuner thread, once per interval; the histograms' encoding buffers are kept for the next. */
    @Override
    public synchronized void interval(final IntervalSnapshot interval)
    {
        final Histogram[] histograms = {interval.queueWait(), interval.batchService(), interval.itemService(), interval.endToEnd()};
        final long[] max = new long[histograms.length];
        for (int k = 0; k < histograms.length; k++)
        {
            final int needed = histograms[k].getNeededByteBufferCapacity();
            if (encodings[k] == null || encodings[k].capacity() < needed)
            {
                encodings[k] = ByteBuffer.allocate(needed);
            }
            final int n = histograms[k].encodeIntoCompressedByteBuffer(encodings[k].clear());
            encodings[k].clear().limit(n);
            max[k] = histograms[k].getMaxValue();
        }
        final int length = IntervalDescriptor.length(encodings[0].limit(), encodings[1].limit(), encodings[2].limit(), encodings[3].limit());
        final int index = claim(IntervalDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.interval(buffer, index, interval, encodings, max);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.interval(record, 0, interval, encodings, max);
            oversize(IntervalDescriptor.TYPE, record);
        }
    }

    @Override
    public void decision(final Decision decision)
    {
        final String state = decision.state().name();
        final int stateBytes = Utf8.encodedLength(state, MAX_TEXT_BYTES);
        final int reasonBytes = Utf8.encodedLength(decision.reason(), MAX_TEXT_BYTES);
        final int length = DecisionDescriptor.length(stateBytes, reasonBytes);
        final int index = claim(DecisionDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.decision(buffer, index, decision, state, stateBytes, reasonBytes);
            commit(index);
        }
        else if (index == OVERSIZE)
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[length]);
            RecordEncoder.decision(record, 0, decision, state, stateBytes, reasonBytes);
            oversize(DecisionDescriptor.TYPE, record);
        }
    }

    @Override
    public void runEnded(final long nanos, final PerformanceReport report)
    {
        final int length = formatVersion >= RunFooterDescriptor.COMPILE_SINCE_VERSION ? RunFooterDescriptor.LENGTH_V6
            : formatVersion >= RunFooterDescriptor.CPU_SINCE_VERSION ? RunFooterDescriptor.LENGTH_V5
            : formatVersion >= RunFooterDescriptor.INTERRUPTED_SINCE_VERSION ? RunFooterDescriptor.LENGTH : RunFooterDescriptor.LENGTH_V2;
        final int index = claim(RunFooterDescriptor.TYPE, length);
        if (index >= 0)
        {
            RecordEncoder.runFooter(buffer, index, nanos, report, interruptedBy, length, cpu.processNanos(), cpu.workersNanos(), cpu.compileNanos());
            commit(index);
        }
    }

    /**
     * Marks the run as stopped early by {@code signal} (2 SIGINT, 15 SIGTERM): its footer says so, and a
     * resume walks the directory again and resubmits the items it rejected unstarted. Takes effect if called
     * before the engine closes (the footer is written then).
     */
    public void interrupted(final int signal)
    {
        interruptedBy = signal;
    }

    /** Publishes a record, waking the journal thread if it parked on an empty ring. */
    private void commit(final int index)
    {
        ring.commit(index);
        if (waking != null && waking.parked())
        {
            waking.wake();
        }
    }

    /** The ring index to encode at; {@link #OVERSIZE} for a record the ring cannot take; {@link #CLOSED} after close. */
    private int claim(final int type, final int length)
    {
        if (closed)
        {
            return CLOSED;
        }
        if (length > maxRecordLength)
        {
            return OVERSIZE;
        }
        final int index = ring.tryClaim(type, length);
        return index >= 0 ? index : claimAfterStall(type, length);
    }

    private int claimAfterStall(final int type, final int length)
    {
        stalls.incrementAndGet();
        final long start = System.nanoTime();
        int index;
        int attempt = 0;
        while ((index = ring.tryClaim(type, length)) < 0)
        {
            if (closed || agent.failure() != null)
            {
                index = CLOSED; // a failed writer discards records (a dead writer thread would leave the ring full for good)
                break;
            }
            if (attempt < SPINS)
            {
                Thread.onSpinWait();
            }
            else if (attempt < SPINS + YIELDS)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, 1_000L << Math.min(20, attempt - SPINS - YIELDS)));
            }
            attempt++;
        }
        stallNanos.addAndGet(System.nanoTime() - start);
        return index;
    }

    /** A record larger than the ring takes goes to the writer thread by reference, its place in the order kept by a marker. */
    private void oversize(final int type, final UnsafeBuffer record)
    {
        final long id = agent.stash(type, record.byteArray());
        final int index = claim(JournalAgent.OVERSIZE_MARKER, Long.BYTES);
        if (index >= 0)
        {
            buffer.putLong(index, id);
            commit(index);
        }
        else
        {
            agent.unstash(id);
        }
    }

    /**
     * Call after the engine closed: writes what the ring still holds, then stops the writer thread and
     * closes the queue. Tap calls after this record nothing. Idempotent; throws if a write failed.
     */
    @Override
    public void close() throws IOException
    {
        synchronized (this)
        {
            if (closeCalled)
            {
                return;
            }
            closeCalled = true;
        }
        closed = true;
        agent.stop();
        if (waking != null)
        {
            waking.wake();
        }
        agent.awaitTerminated();
        runner.close();
        lock.close();
        final WriteFailedException failure = failure();
        if (failure != null)
        {
            throw failure;
        }
    }

    /**
     * The write failure that stopped the journal (disk full, an I/O error, a fault in the mapped file), as
     * one line naming the file; null while writes succeed. Records before the failure stay readable; the
     * ones after it are discarded, so a caller should stop its run.
     */
    public WriteFailedException failure()
    {
        final Throwable failure = agent.failure();
        return failure == null ? null : new WriteFailedException(agent.failedFile(), failure, "the journal's records before it stay readable");
    }
}
