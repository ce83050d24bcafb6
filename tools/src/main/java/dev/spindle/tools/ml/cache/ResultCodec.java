package dev.spindle.tools.ml.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.FileAnalysis;

/**
 * The stored byte layouts (cache format {@link #FORMAT}). A result is a fixed 45-byte head, the raw
 * float32 vector and a CRC32C (MVStore checks where a page lies, not what it holds): compact and fast
 * to decode, at the price of bumping {@link #FORMAT} on any layout change.
 */
final class ResultCodec
{
    /**
     * Bump on any change of the layouts below or of what a field means: stores of another format are
     * cleared on open. 2: entropy covers the first text-cap bytes, not the whole file.
     */
    static final int FORMAT = 2;

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
        final ByteBuffer out = ByteBuffer.allocate(HEAD + (vector == null ? 0 : 4 * vector.length) + CRC);
        out.put((byte) a.kind().ordinal())
            .putLong(a.bytes()).putLong(a.lines()).putLong(a.tokens()).putDouble(a.entropy()).putLong(a.textBytes())
            .putInt(vector == null ? -1 : vector.length);
        if (vector != null)
        {
            out.asFloatBuffer().put(vector);
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
        if (kind < 0 || kind >= KINDS.length || (dims < 0 ? dims != -1 || value.length != HEAD + CRC : value.length != HEAD + 4L * dims + CRC))
        {
            return null;
        }
        float[] vector = null;
        if (dims >= 0)
        {
            vector = new float[dims];
            in.asFloatBuffer().get(vector);
        }
        return new CachedResult(new FileAnalysis(bytes, lines, tokens, entropy, KINDS[kind], textBytes), vector);
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
