package dev.spindle.tools.ml.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import dev.spindle.tools.ml.Category;
import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.FileAnalysis;

/**
 * The stored byte layouts (cache format {@link #FORMAT}). A result is a fixed 45-byte head, the raw
 * float32 vector, the scoring model's digest and its categories (UTF-8 name, score) and a CRC32C
 * (MVStore checks where a page lies, not what it holds): compact and fast to decode, at the price of
 * bumping {@link #FORMAT} on any layout change.
 */
final class ResultCodec
{
    /**
     * Bump on any change of the layouts below or of what a field means: stores of another format are
     * cleared on open. 2: entropy covers the first text-cap bytes, not the whole file. 3: a sparse
     * model's categories.
     */
    static final int FORMAT = 3;

    private static final int HEAD = 1 + 8 * 5 + 4;
    private static final int CRC = 4;
    private static final ContentKind[] KINDS = ContentKind.values();

    private ResultCodec()
    {
    }

    static byte[] encode(final CachedResult result)
    {
        final FileAnalysis a = result.analysis();
        final float[] vector = result.embedding();
        final List<Category> categories = result.categories();
        final byte[][] names = new byte[categories.size()][];
        int scored = Long.BYTES + 1;
        for (int i = 0; i < names.length; i++)
        {
            names[i] = categories.get(i).name().getBytes(StandardCharsets.UTF_8);
            scored += 2 + names[i].length + Double.BYTES;
        }
        final ByteBuffer out = ByteBuffer.allocate(HEAD + (vector == null ? 0 : 4 * vector.length) + scored + CRC);
        out.put((byte) a.kind().ordinal())
            .putLong(a.bytes()).putLong(a.lines()).putLong(a.tokens()).putDouble(a.entropy()).putLong(a.textBytes())
            .putInt(vector == null ? -1 : vector.length);
        if (vector != null)
        {
            out.asFloatBuffer().put(vector);
            out.position(out.position() + 4 * vector.length);
        }
        out.putLong(result.scoredBy()).put((byte) names.length);
        for (int i = 0; i < names.length; i++)
        {
            out.putShort((short) names[i].length).put(names[i]).putDouble(categories.get(i).score());
        }
        out.putInt(out.capacity() - CRC, crc(out.array()));
        return out.array();
    }

    /** The result, or null if the bytes are not an intact result of this format. */
    static CachedResult decode(final byte[] value)
    {
        if (value.length < HEAD + CRC || ByteBuffer.wrap(value).getInt(value.length - CRC) != crc(value))
        {
            return null;
        }
        final ByteBuffer in = ByteBuffer.wrap(value);
        final int kind = in.get();
        final long bytes = in.getLong();
        final long lines = in.getLong();
        final long tokens = in.getLong();
        final double entropy = in.getDouble();
        final long textBytes = in.getLong();
        final int dims = in.getInt();
        final long scoredAt = HEAD + 4L * Math.max(0, dims);
        if (kind < 0 || kind >= KINDS.length || dims < -1 || value.length < scoredAt + Long.BYTES + 1 + CRC)
        {
            return null;
        }
        float[] vector = null;
        if (dims >= 0)
        {
            vector = new float[dims];
            in.asFloatBuffer().get(vector);
        }
        in.position((int) scoredAt);
        final long scoredBy = in.getLong();
        final int count = in.get();
        final List<Category> categories = new ArrayList<>(Math.max(0, count));
        for (int i = 0; i < count; i++)
        {
            if (in.remaining() < 2 + CRC)
            {
                return null;
            }
            final int length = in.getShort();
            if (length < 0 || in.remaining() < length + Double.BYTES + CRC)
            {
                return null;
            }
            final String name = new String(value, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            categories.add(new Category(name, in.getDouble()));
        }
        if (count < 0 || in.remaining() != CRC)
        {
            return null;
        }
        return new CachedResult(new FileAnalysis(bytes, lines, tokens, entropy, KINDS[kind], textBytes), vector, scoredBy, List.copyOf(categories));
    }

    private static int crc(final byte[] value)
    {
        final CRC32C crc = new CRC32C();
        crc.update(value, 0, value.length - CRC);
        return (int) crc.getValue();
    }

    static byte[] pathValue(final long size, final long mtimeMillis, final byte[] hash)
    {
        return ByteBuffer.allocate(16 + hash.length).putLong(size).putLong(mtimeMillis).put(hash).array();
    }

    /** The hash of a path value if size and mtime match, else null. */
    static byte[] hashIfUnchanged(final byte[] pathValue, final long size, final long mtimeMillis)
    {
        final ByteBuffer in = ByteBuffer.wrap(pathValue);
        if (pathValue.length <= 16 || in.getLong() != size || in.getLong() != mtimeMillis)
        {
            return null;
        }
        return Arrays.copyOfRange(pathValue, 16, pathValue.length);
    }

    static byte[] hashOf(final byte[] pathValue)
    {
        return Arrays.copyOfRange(pathValue, 16, pathValue.length);
    }
}
