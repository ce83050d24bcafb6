package dev.spindle.tools;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import dev.spindle.tools.ml.NpyWriter;

/**
 * The --out directory a crashed or interrupted run left, made whole for its resume to append to. The index is
 * the record of what is done: a whole line stays (one per path, the first) unless it says "rejected" — those
 * files were never processed and the resume submits them again; a torn last line goes, and so do the matrix
 * rows no kept line names (the index is buffered, the matrix is not, so those rows are always the last ones).
 * Files the journal shows finished but the index lacks (the crash lost the buffer) the resume submits again.
 * Trade-off: a resume rewrites index.jsonl once (linear in its size) instead of trusting the journal, which
 * does not hold the results and trails the engine by the writer's lag.
 */
final class ExistingOutput
{
    private final Set<String> paths;
    private final long rows;
    private final int droppedLines;

    private ExistingOutput(final Set<String> paths, final long rows, final int droppedLines)
    {
        this.paths = paths;
        this.rows = rows;
        this.droppedLines = droppedLines;
    }

    /** An --out directory the resume finds unusable: one line, and the resume stops with a usage error. */
    static final class Mismatch extends IOException
    {
        private static final long serialVersionUID = 1L;

        Mismatch(final Path dir, final String reason)
        {
            super("--out " + dir + " cannot be completed: " + reason + "; resume with --out NEWDIR to write every file's results afresh");
        }
    }

    /** What {@code dir} holds, repaired; an empty record where the run had not written there yet. */
    static ExistingOutput repair(final Path dir) throws IOException
    {
        final Path index = dir.resolve(ResultsOutput.INDEX);
        final Path matrix = dir.resolve(ResultsOutput.MATRIX);
        if (!Files.isRegularFile(index))
        {
            return new ExistingOutput(Set.of(), 0, 0);
        }
        final long rowsPresent;
        if (Files.isRegularFile(matrix))
        {
            final int columns = NpyWriter.columnsOf(matrix);
            if (columns <= 0)
            {
                throw new Mismatch(dir, ResultsOutput.MATRIX + " is not a float32 matrix spindle wrote");
            }
            rowsPresent = NpyWriter.wholeRows(Files.size(matrix), columns);
        }
        else
        {
            rowsPresent = 0;
        }
        final Set<String> paths = new HashSet<>();
        final Path kept = dir.resolve(ResultsOutput.INDEX + ".repair");
        long rows = 0;
        int dropped = 0;
        final boolean torn = !endsWithNewline(index);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(index), StandardCharsets.UTF_8), 1 << 16);
             BufferedWriter out = Files.newBufferedWriter(kept, StandardCharsets.UTF_8))
        {
            String next = in.readLine();
            while (next != null)
            {
                final String line = next;
                next = in.readLine();
                final IndexLine parsed = next == null && torn ? null : IndexLine.parse(line);
                if (parsed == null || "rejected".equals(parsed.status()) || paths.contains(parsed.path()))
                {
                    dropped++;
                    continue;
                }
                if (parsed.row() >= 0)
                {
                    if (parsed.row() != rows || parsed.row() >= rowsPresent)
                    {
                        throw new Mismatch(dir, "line " + PathText.escape(parsed.path()) + " names row " + parsed.row() + " where "
                            + Math.min(rows, rowsPresent) + " was next in " + ResultsOutput.MATRIX);
                    }
                    rows++;
                }
                paths.add(parsed.path());
                out.write(line);
                out.write('\n');
            }
        }
        catch (final IOException e)
        {
            Files.deleteIfExists(kept);
            throw e;
        }
        Files.move(kept, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ExistingOutput(paths, rows, dropped);
    }

    private static boolean endsWithNewline(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer last = ByteBuffer.allocate(1);
            return channel.size() == 0 || channel.read(last, channel.size() - 1) == 1 && last.get(0) == '\n';
        }
    }

    /** Whether {@code path} (an item's key) already has its line. */
    boolean has(final String path)
    {
        return paths.contains(path);
    }

    /** Matrix rows the kept lines name: the matrix is cut to these before the resume appends. */
    long rows()
    {
        return rows;
    }

    int lines()
    {
        return paths.size();
    }

    /** Lines dropped: torn, "rejected" (submitted again), or a second line for a path. */
    int droppedLines()
    {
        return droppedLines;
    }
}
