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
        final byte[] key = new byte[DataUtils.readVarInt(buffer)];
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
