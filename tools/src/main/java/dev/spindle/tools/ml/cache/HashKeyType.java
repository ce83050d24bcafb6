package dev.spindle.tools.ml.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** byte[] as an MVMap key (MVStore's own ByteArrayDataType cannot compare): length-prefixed, unsigned order. */
final class HashKeyType extends BasicDataType<byte[]>
{
    static final HashKeyType INSTANCE = new HashKeyType();

    private HashKeyType()
    {
    }

    @Override
    public int getMemory(final byte[] key)
    {
        return 24 + key.length;
    }

    @Override
    public void write(final WriteBuffer buffer, final byte[] key)
    {
        buffer.putVarInt(key.length).put(key);
    }

    @Override
    public byte[] read(final ByteBuffer buffer)
    {
        final int length = DataUtils.readVarInt(buffer);
        if (length < 0 || length > buffer.remaining())
        {
            throw new IllegalStateException("damaged page: a key of " + length + " bytes where " + buffer.remaining() + " remain");
        }
        final byte[] key = new byte[length];
        buffer.get(key);
        return key;
    }

    @Override
    public int compare(final byte[] a, final byte[] b)
    {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public byte[][] createStorage(final int size)
    {
        return new byte[size][];
    }
}
