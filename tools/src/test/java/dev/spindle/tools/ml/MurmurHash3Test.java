package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The published MurmurHash3 x86_32 vectors, and the char/int forms against the byte form. */
class MurmurHash3Test
{
    private static int bytes(final int seed, final int... values)
    {
        final byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            b[i] = (byte)values[i];
        }
        return MurmurHash3.hashBytes(b, 0, b.length, seed);
    }

    private static int ascii(final String s, final int seed)
    {
        final byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return MurmurHash3.hashBytes(b, 0, b.length, seed);
    }

    @Test
    void referenceVectors()
    {
        assertEquals(0, bytes(0));
        assertEquals(0x514E28B7, bytes(1));
        assertEquals(0x81F16F39, bytes(0xFFFFFFFF));
        assertEquals(0x76293B50, bytes(0, 0xFF, 0xFF, 0xFF, 0xFF));
        assertEquals(0xF55B516B, bytes(0, 0x21, 0x43, 0x65, 0x87));
        assertEquals(0x2362F9DE, bytes(0x5082EDEE, 0x21, 0x43, 0x65, 0x87));
        assertEquals(0x7E4A8634, bytes(0, 0x21, 0x43, 0x65));
        assertEquals(0xA0F7B07A, bytes(0, 0x21, 0x43));
        assertEquals(0x72661CF4, bytes(0, 0x21));
        assertEquals(0x2362F9DE, bytes(0, 0, 0, 0, 0));
        assertEquals(0x85F0B427, bytes(0, 0, 0, 0));
        assertEquals(0x30F4C306, bytes(0, 0, 0));
        assertEquals(0x514E28B7, bytes(0, 0));
        final int seed = 0x9747B28C;
        assertEquals(0x5A97808A, ascii("aaaa", seed));
        assertEquals(0x283E0130, ascii("aaa", seed));
        assertEquals(0x5D211726, ascii("aa", seed));
        assertEquals(0x7FA09EA6, ascii("a", seed));
        assertEquals(0xF0478627, ascii("abcd", seed));
        assertEquals(0xC84A62DD, ascii("abc", seed));
        assertEquals(0x74875592, ascii("ab", seed));
        assertEquals(0x24884CBA, ascii("Hello, world!", seed));
        assertEquals(0x2FA826CD, ascii("The quick brown fox jumps over the lazy dog", seed));
        assertEquals(0x2E4FF723, ascii("The quick brown fox jumps over the lazy dog", 0));
    }

    @Test
    void charsHashAsUtf16LittleEndianBytes()
    {
        for (final String s : new String[] {"", "a", "ab", "abc", "caf\u00e9", "<hello>", "\ud83d\ude00x"})
        {
            final byte[] le = s.getBytes(StandardCharsets.UTF_16LE);
            final int expected = MurmurHash3.hashBytes(le, 0, le.length, 42);
            assertEquals(expected, MurmurHash3.hashChars(s, 0, s.length(), 42), s);
            final char[] padded = ("##" + s + "#").toCharArray();
            assertEquals(expected, MurmurHash3.hashChars(padded, 2, 2 + s.length(), 42), s);
        }
    }

    @Test
    void intHashesAsItsLittleEndianBytes()
    {
        for (final int v : new int[] {0, 1, -1, 0x87654321, 123456789})
        {
            final byte[] le = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
            assertEquals(MurmurHash3.hashBytes(le, 0, 4, 7), MurmurHash3.hashInt(v, 7));
        }
    }
}
