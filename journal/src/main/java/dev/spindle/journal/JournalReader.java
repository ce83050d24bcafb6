package dev.spindle.journal;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a journal back into {@link RecordedRun}s, with a read-only tailer that neither takes nor waits
 * for a writer's lock, so a journal whose writer was killed reads like any other. The files' chains are
 * walked first ({@link JournalFiles}): a truncated file is never handed to Chronicle (which would fault on
 * it) but read with plain reads up to the cut, recovering what precedes it ({@link JournalContents#damage()});
 * the tailer is bounded by the documents found, and a torn last frame is skipped and counted. A garbled frame
 * is skipped whole; only a foreign, newer or headless journal fails the read.
 */
public final class JournalReader
{
    private static final int INITIAL_FRAME_BYTES = 64 * 1024;

    private JournalReader()
    {
    }

    /** How the reader names a frame its writer died writing (the crash's own loss, counted in the skipped records). */
    public static final String TORN_FRAME = "torn frame";

    public static JournalContents read(final Path dir) throws JournalException
    {
        final JournalFiles.Layout layout = JournalFiles.inspect(dir);
        if (!layout.queueFiles())
        {
            throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, "no Chronicle Queue files in " + dir);
        }
        final long documents = layout.dataDocuments();
        final List<String> problems = new ArrayList<>();
        long skipped = 0;
        for (final JournalFiles.Cycle cycle : layout.cycles())
        {
            if (cycle.torn() && cycle.tornRecords() > 0)
            {
                skipped += cycle.tornRecords();
                problems.add(cycle.file().getFileName() + ": " + TORN_FRAME + " at offset " + cycle.tornOffset()
                    + " (its writer died while writing it, or is writing it now): " + cycle.tornRecords() + " record(s) skipped");
            }
        }
        if (layout.damaged())
        {
            return readPlain(dir, layout, new RunAssembler(), problems, skipped);
        }
        final RunAssembler assembler = new RunAssembler();
        final List<String> tailerProblems = new ArrayList<>(problems);
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build())
        {
            if (documents == 0)
            {
                throw empty(queue, dir, skipped);
            }
            skipped += readFrames(queue, dir, documents, assembler, tailerProblems);
        }
        catch (final JournalException e)
        {
            throw e;
        }
        catch (final RuntimeException | InternalError e)
        {
            // InternalError: a fault in Chronicle's mapped memory (a full disk: mapping a page can need space even to read);
            // the chains were walked, so plain reads get the same documents
            return readPlain(dir, layout, new RunAssembler(), problems, skipped);
        }
        final List<String> all = new ArrayList<>(tailerProblems);
        all.addAll(assembler.problems());
        return new JournalContents(assembler.runs(), skipped, all);
    }

    /**
     * The journal's documents read with plain reads, never mapped: for a damaged journal up to the damage
     * (Chronicle would fault on a cut file), where what precedes the cut is as good as ever, so it is
     * recovered and the loss counted; and for one Chronicle faulted on. Nothing recovered from a damaged
     * journal is CORRUPT; one whose only damage is a metadata file left unwritten by a run stopped at
     * start-up is EMPTY.
     */
    private static JournalContents readPlain(final Path dir, final JournalFiles.Layout layout, final RunAssembler assembler,
        final List<String> problems, final long tornSkipped) throws JournalException
    {
        final long[] seen = {0};
        final long[] recovered = {0};
        final long[] skipped = {tornSkipped};
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[0]);
        final SkippedFrames log = new SkippedFrames();
        long bytesLost = 0;
        long recordsLost = 0;
        final List<String> places = new ArrayList<>();
        if (layout.metadataProblem() != null)
        {
            places.add(layout.metadataProblem());
        }
        for (final JournalFiles.Cycle cycle : layout.cycles())
        {
            JournalFiles.readData(cycle, (bytes, length) ->
            {
                frame.wrap(bytes, 0, length);
                final long lost = frame(frame, length, ++seen[0], dir, assembler, log);
                skipped[0] += lost;
                if (lost == 0)
                {
                    recovered[0] += frame.getInt(FrameDescriptor.RECORD_COUNT_OFFSET);
                }
            });
            final JournalFiles.Cut cut = cycle.cut();
            if (cut != null)
            {
                bytesLost += cut.bytesLeft();
                recordsLost += cut.records();
                places.add(cycle.file().getFileName() + " ends at byte " + (cut.offset() + cut.bytesLeft()) + where(cut));
            }
        }
        if (seen[0] == 0 && !layout.damaged())
        {
            throw new JournalException(JournalException.Kind.EMPTY, "journal " + dir + " has no records");
        }
        if (seen[0] == 0)
        {
            if (layout.cycles().stream().allMatch(c -> c.cut() == null))
            {
                throw new JournalException(JournalException.Kind.EMPTY, "journal " + dir + " holds no complete record (a run stopped at start-up: "
                    + layout.metadataProblem() + ")");
            }
            throw new JournalException(JournalException.Kind.CORRUPT, dir + " is damaged and nothing in it is recoverable ("
                + String.join("; ", places) + "): move it aside and run again");
        }
        final List<String> all = new ArrayList<>(problems);
        all.addAll(log.lines(layout.damaged() ? -1 : seen[0])); // a frame before a cut is not known to end its run
        all.addAll(assembler.problems());
        return new JournalContents(assembler.runs(), skipped[0], all,
            layout.damaged() ? new JournalDamage(recovered[0], bytesLost, recordsLost, places) : null);
    }

    private static String where(final JournalFiles.Cut cut)
    {
        if (cut.declaredBytes() < 0)
        {
            return ", inside its file header";
        }
        if (cut.declaredBytes() == 0)
        {
            return ", between two documents, without Chronicle's end-of-file marker";
        }
        return ", inside a document of " + cut.declaredBytes() + " bytes at byte " + cut.offset();
    }

    /** Feeds every frame to the assembler; returns the records skipped. */
    private static long readFrames(final SingleChronicleQueue queue, final Path dir, final long documents, final RunAssembler assembler,
        final List<String> problems) throws JournalException
    {
        UnsafeBuffer frame = new UnsafeBuffer(new byte[INITIAL_FRAME_BYTES]);
        final SkippedFrames log = new SkippedFrames();
        long skipped = 0;
        long seen = 0;
        int cycleMoves = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (seen < documents)
            {
                final int length;
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        // a torn document ends its cycle without an end-of-file marker: go on to the next cycle, if any
                        final int next = nextCycle(queue, tailer.cycle());
                        if (next <= tailer.cycle() || ++cycleMoves > documents || !tailer.moveToCycle(next))
                        {
                            break;
                        }
                        continue;
                    }
                    if (!document.isData())
                    {
                        continue;
                    }
                    seen++;
                    final Bytes<?> bytes = document.wire().bytes();
                    final long remaining = bytes.readRemaining();
                    if (remaining > Integer.MAX_VALUE - 8)
                    {
                        throw new JournalException(JournalException.Kind.CORRUPT, dir + ": a document of " + remaining + " bytes");
                    }
                    length = (int)remaining;
                    if (length > frame.capacity())
                    {
                        frame = new UnsafeBuffer(new byte[Math.max(length, frame.capacity() * 2)]);
                    }
                    bytes.read(frame.byteArray(), 0, length);
                }
                skipped += frame(frame, length, seen, dir, assembler, log);
            }
        }
        if (seen == 0)
        {
            throw new JournalException(JournalException.Kind.CORRUPT, dir + ": " + documents + " documents in its files, none readable");
        }
        problems.addAll(log.lines(seen));
        return skipped;
    }

    /** Applies one frame; returns the records skipped (0, or the whole frame if garbled, noted in {@code log}). */
    private static long frame(final UnsafeBuffer frame, final int length, final long number, final Path dir, final RunAssembler assembler,
        final SkippedFrames log) throws JournalException
    {
        if (length < FrameDescriptor.HEADER_LENGTH || frame.getInt(FrameDescriptor.MAGIC_OFFSET) != FrameDescriptor.MAGIC)
        {
            if (number == 1)
            {
                throw new JournalException(JournalException.Kind.NOT_A_JOURNAL, dir + " holds a Chronicle Queue that is not a Spindle journal");
            }
            log.skipped(number, false, "no frame header", 1);
            return 1;
        }
        final int version = frame.getInt(FrameDescriptor.VERSION_OFFSET);
        if (version > JournalFormat.VERSION)
        {
            throw JournalWriter.newer(dir, version, JournalFormat.VERSION);
        }
        try
        {
            if (version < 1)
            {
                throw new RecordDecoder.GarbledException("format version " + version);
            }
            final boolean runStart = RecordDecoder.firstType(frame, length) == RunHeaderDescriptor.TYPE;
            if (number == 1 && !runStart)
            {
                throw new RecordDecoder.GarbledException("the journal's first record is not a run header");
            }
            if (runStart)
            {
                log.runStart(number);
            }
            RecordDecoder.frame(frame, length, assembler);
            return 0;
        }
        catch (final RecordDecoder.GarbledException e)
        {
            if (number == 1)
            {
                throw new JournalException(JournalException.Kind.CORRUPT, dir + ": the first run header is unreadable (" + e.getMessage() + ")");
            }
            final int declared = frame.getInt(FrameDescriptor.RECORD_COUNT_OFFSET);
            final int records = declared > 0 && declared <= length / FrameDescriptor.RECORD_HEADER_LENGTH ? declared : 1;
            log.skipped(number, true, e.getMessage(), records);
            return records;
        }
    }

    private static int nextCycle(final SingleChronicleQueue queue, final int cycle)
    {
        try
        {
            return queue.nextCycle(cycle, TailerDirection.FORWARD);
        }
        catch (final ParseException e)
        {
            return -1;
        }
    }

    private static JournalException empty(final SingleChronicleQueue queue, final Path dir, final long skipped)
    {
        boolean marked;
        try
        {
            marked = queue.tableStoreGet(JournalFiles.FORMAT_KEY) != Long.MIN_VALUE;
        }
        catch (final IllegalStateException e)
        {
            marked = false; // a read-only table store throws for a key it does not have
        }
        if (!marked && java.nio.file.Files.exists(dir.resolve(WriterLock.FILE)))
        {
            return new JournalException(JournalException.Kind.EMPTY, "journal " + dir
                + " holds no complete record (a run stopped at start-up, before its first record)");
        }
        if (!marked)
        {
            return new JournalException(JournalException.Kind.NOT_A_JOURNAL, dir + " holds a Chronicle Queue that is not a Spindle journal");
        }
        return new JournalException(JournalException.Kind.EMPTY, "journal " + dir + " has no records"
            + (skipped > 0 ? " (a torn frame of " + skipped + " was skipped)" : ""));
    }
}
