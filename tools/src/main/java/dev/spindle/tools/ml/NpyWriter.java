package dev.spindle.tools.ml;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends float32 rows to a NumPy {@code .npy} file (format 1.0, little-endian, C order) whose row
 * count is unknown until the end: the header is written at a fixed 128 bytes with the shape padded,
 * and rewritten with the real count at close. A process killed mid-run leaves a file that loads as
 * zero rows (its data is still there, after the header), which {@link #continueAfter} repairs; not thread-safe
 * — callers serialise.
 */
public final class NpyWriter implements Closeable
{
    static final int HEADER_BYTES = 128;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern SHAPE = Pattern.compile("'shape': \\(\\d+, (\\d{1,9})\\)");

    private final FileChannel channel;
    private final int columns;
    private final ByteBuffer row;
    private long rows;

    public NpyWriter(final Path file, final int columns) throws IOException
    {
        this(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), columns, 0);
    }

    private NpyWriter(final FileChannel channel, final int columns, final long rows) throws IOException
    {
        this.columns = columns;
        this.channel = channel;
        this.rows = rows;
        this.row = ByteBuffer.allocate(columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try
        {
            channel.truncate(HEADER_BYTES + rows * columns * Float.BYTES);
            writeHeader();
            channel.position(HEADER_BYTES + rows * columns * Float.BYTES);
        }
        catch (final IOException e)
        {
            channel.close();
            throw e;
        }
    }

    /**
     * Continues a file this class wrote (a run that crashed or was interrupted): keeps its first {@code rows} rows,
     * drops what follows (a torn row, rows no index line names), states that count in the header, and appends after.
     * The caller has checked the file's columns ({@link #columnsOf}) and that it holds at least {@code rows} rows.
     */
    public static NpyWriter continueAfter(final Path file, final int columns, final long rows) throws IOException
    {
        return new NpyWriter(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE), columns, rows);
    }

    /** The column count of a float32 matrix this class wrote, or -1 if the file is not one (another writer, a torn header). */
    public static int columnsOf(final Path file) throws IOException
    {
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            while (header.hasRemaining() && channel.read(header) > 0)
            {
                // fill
            }
        }
        if (header.hasRemaining() || !Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC))
        {
            return -1;
        }
        final String dict = new String(header.array(), MAGIC.length + 2, HEADER_BYTES - MAGIC.length - 2, StandardCharsets.US_ASCII);
        final Matcher shape = SHAPE.matcher(dict);
        return dict.startsWith("{'descr': '<f4', 'fortran_order': False,") && shape.find() ? Integer.parseInt(shape.group(1)) : -1;
    }

    /** Whole rows of {@code columns} floats in a file of {@code bytes} bytes: a torn last row is not counted. */
    public static long wholeRows(final long bytes, final int columns)
    {
        return Math.max(0, bytes - HEADER_BYTES) / ((long) columns * Float.BYTES);
    }

    /** Appends one row (its length must be the column count) and returns its index. */
    public long append(final float[] values) throws IOException
    {
        if (values.length != columns)
        {
            throw new IllegalArgumentException("row has " + values.length + " values, the matrix " + columns + " columns");
        }
        row.clear();
        row.asFloatBuffer().put(values);
        row.limit(columns * Float.BYTES);
        while (row.hasRemaining())
        {
            channel.write(row);
        }
        return rows++;
    }

    public long rows()
    {
        return rows;
    }

    /** Drops a row a failed write left partial (a full disk), so the file holds exactly the rows counted; then the header. */
    @Override
    public void close() throws IOException
    {
        try (channel)
        {
            channel.truncate(HEADER_BYTES + rows * columns * Float.BYTES);
            writeHeader();
        }
    }

    private void writeHeader() throws IOException
    {
        final String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }", rows, columns);
        final int headerLength = HEADER_BYTES - MAGIC.length - 2;
        final byte[] text = new byte[headerLength];
        Arrays.fill(text, (byte) ' ');
        final byte[] dictBytes = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(dictBytes, 0, text, 0, dictBytes.length);
        text[headerLength - 1] = '\n';
        final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) headerLength).put(text).flip();
        long at = 0;
        while (header.hasRemaining())
        {
            at += channel.write(header, at);
        }
    }
}
