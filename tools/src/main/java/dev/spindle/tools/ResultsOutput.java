package dev.spindle.tools;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Locale;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.OutcomeListener;
import dev.spindle.journal.WriteFailedException;
import dev.spindle.journal.json.Json;
import dev.spindle.tools.ml.Category;
import dev.spindle.tools.ml.FileAnalysis;
import dev.spindle.tools.ml.FileResult;
import dev.spindle.tools.ml.NpyWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * {@code --out DIR}: every outcome becomes one {@code index.jsonl} line, and every embedded file one
 * row of {@code embeddings.npy}, written as outcomes arrive (completion order, not walk order: the
 * line's "row" links them). Outcomes come from every worker, so writes take one lock; that costs
 * far less than the file work behind each outcome.
 */
final class ResultsOutput implements OutcomeListener<FileItem>, Closeable
{
    static final String MATRIX = "embeddings.npy";
    static final String INDEX = "index.jsonl";

    private final NpyWriter matrix;
    private final JsonGenerator index;
    private final Path dir;
    private final ExistingOutput existing;
    private volatile WriteFailedException failure;

    private ResultsOutput(final NpyWriter matrix, final JsonGenerator index, final Path dir, final ExistingOutput existing)
    {
        this.matrix = matrix;
        this.index = index;
        this.dir = dir;
        this.existing = existing;
    }

    static ResultsOutput create(final Path dir, final int dims) throws IOException
    {
        Files.createDirectories(dir);
        final NpyWriter matrix = new NpyWriter(dir.resolve(MATRIX), dims);
        try
        {
            return new ResultsOutput(matrix, Json.line(new BufferedOutputStream(Files.newOutputStream(dir.resolve(INDEX)), 1 << 16)), dir, null);
        }
        catch (final IOException e)
        {
            matrix.close();
            throw e;
        }
    }

    /**
     * Continues the files a crashed or interrupted run left in {@code dir}, once {@link ExistingOutput#repair} made
     * them whole: rows after the kept ones, lines after the kept ones, and no line for a file that has one.
     */
    static ResultsOutput continueIn(final Path dir, final int dims, final ExistingOutput existing) throws IOException
    {
        final Path matrixFile = dir.resolve(MATRIX);
        final int columns = Files.isRegularFile(matrixFile) ? NpyWriter.columnsOf(matrixFile) : -1;
        final boolean hasMatrix = columns > 0 || existing.rows() > 0; // else a header the crash cut short: start the matrix afresh
        if (hasMatrix && columns != dims)
        {
            throw new ExistingOutput.Mismatch(dir, MATRIX + " has " + columns + " columns and this run's embeddings " + dims
                + " (another --model than the run's?)");
        }
        final NpyWriter matrix = hasMatrix ? NpyWriter.continueAfter(matrixFile, dims, existing.rows()) : new NpyWriter(matrixFile, dims);
        try
        {
            return new ResultsOutput(matrix, Json.line(new BufferedOutputStream(Files.newOutputStream(dir.resolve(INDEX),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16)), dir, existing);
        }
        catch (final IOException e)
        {
            matrix.close();
            throw e;
        }
    }

    @Override
    public synchronized void onOutcome(final FileItem item, final Outcome outcome, final Object result, final String reason)
    {
        if (failure != null || existing != null && existing.has(item.key()))
        {
            return; // a resumed file the crashed run had written out already: its first line stands
        }
        try
        {
            write(item, outcome, result, reason);
        }
        catch (final MatrixFailure e)
        {
            failure = new WriteFailedException(dir.resolve(MATRIX), e.getCause(), "the run stops; rows before it stay readable");
        }
        catch (final JacksonIOException e)
        {
            failure = new WriteFailedException(dir.resolve(INDEX), e.getCause(), "the run stops; lines before it stay readable");
        }
    }

    /** The first write that failed, as one line naming its file; null while writes succeed. Any thread. */
    WriteFailedException failure()
    {
        return failure;
    }

    /** Tells a failed matrix append from a failed index write. */
    private static final class MatrixFailure extends IOException
    {
        private static final long serialVersionUID = 1L;

        MatrixFailure(final IOException cause)
        {
            super(cause);
        }
    }

    private long append(final float[] embedding) throws MatrixFailure
    {
        try
        {
            return matrix.append(embedding);
        }
        catch (final IOException e)
        {
            throw new MatrixFailure(e);
        }
    }

    /** The matrix row first, so a failed append leaves no half line. */
    private void write(final FileItem item, final Outcome outcome, final Object result, final String reason) throws MatrixFailure
    {
        final FileResult file = outcome == Outcome.SUCCEEDED ? (FileResult) result : null;
        final long row = file != null && file.embedding() != null ? append(file.embedding()) : -1;
        final Path seen = item.seen();
        index.writeStartObject();
        index.writeStringProperty("path", seen != null ? PathText.display(seen) : item.key());
        final String uri = PathText.uriIfLossy(seen);
        if (uri != null)
        {
            index.writeStringProperty("path_uri", uri);
        }
        final boolean skipped = outcome == Outcome.SUCCEEDED && item.skipped();
        index.writeStringProperty("status", skipped ? "skipped" : outcome.name().toLowerCase(Locale.ROOT));
        if (file == null)
        {
            index.writeStringProperty("reason", skipped ? item.skipReason() : reason == null ? "" : reason);
            index.writeNumberProperty("size", item.sizeBytes());
            index.writeNullProperty("row");
        }
        else
        {
            final FileAnalysis analysis = file.analysis();
            index.writeNumberProperty("size", analysis.bytes());
            index.writeStringProperty("kind", analysis.kind().name().toLowerCase(Locale.ROOT));
            index.writeNumberProperty("lines", analysis.lines());
            index.writeNumberProperty("tokens", analysis.tokens());
            index.writeNumberProperty("entropy", analysis.entropy());
            index.writeBooleanProperty("truncated", analysis.truncated());
            index.writeStringProperty("sha256", HexFormat.of().formatHex(file.contentHash()));
            index.writeStringProperty("source", file.source().jsonName());
            if (row >= 0)
            {
                index.writeNumberProperty("row", row);
            }
            else
            {
                index.writeNullProperty("row");
            }
            index.writeArrayPropertyStart("categories");
            for (final Category category : file.categories())
            {
                index.writeStartObject();
                index.writeStringProperty("name", category.name());
                index.writeNumberProperty("score", category.score());
                index.writeEndObject();
            }
            index.writeEndArray();
        }
        index.writeEndObject();
        index.writeRaw('\n');
    }

    synchronized long rows()
    {
        return matrix.rows();
    }

    /** Finishes both files; throws the first write error met during the run, if any. */
    @Override
    public synchronized void close() throws IOException
    {
        try
        {
            try (matrix; index)
            {
                if (failure != null)
                {
                    throw failure;
                }
            }
        }
        catch (final WriteFailedException e)
        {
            trimToLastLine(dir.resolve(INDEX));
            throw e;
        }
        catch (final IOException e)
        {
            trimToLastLine(dir.resolve(INDEX));
            throw new WriteFailedException(dir, e, "finishing " + INDEX + " and " + MATRIX);
        }
        catch (final JacksonIOException e)
        {
            trimToLastLine(dir.resolve(INDEX));
            throw new WriteFailedException(dir.resolve(INDEX), e.getCause(), "finishing " + INDEX);
        }
    }

    /** A full disk can cut the last line short: cut the file back to its last whole line, so every line parses. */
    private static void trimToLastLine(final Path file)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer tail = ByteBuffer.allocate(1 << 16);
            long end = channel.size();
            while (end > 0)
            {
                final long from = Math.max(0, end - tail.capacity());
                tail.clear().limit((int)(end - from));
                while (tail.hasRemaining() && channel.read(tail, from + tail.position()) > 0)
                {
                    // fill
                }
                for (int i = tail.position() - 1; i >= 0; i--)
                {
                    if (tail.get(i) == '\n')
                    {
                        channel.truncate(from + i + 1);
                        return;
                    }
                }
                end = from;
            }
            channel.truncate(0);
        }
        catch (final IOException e)
        {
            // the failure being reported already names the file; a torn last line is then all that is left of this one
        }
    }
}
