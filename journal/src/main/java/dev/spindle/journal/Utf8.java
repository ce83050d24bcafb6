package dev.spindle.journal;

import org.agrona.MutableDirectBuffer;

/**
 * UTF-8 by hand into an Agrona buffer, without the temporary byte[] that {@code String.getBytes} or
 * Agrona's {@code putStringUtf8} allocate. Two passes over the chars (measure, then encode) instead of
 * one: the ring needs the length before it can hand out the space. Malformed surrogates become '?', as
 * {@code String.getBytes(UTF_8)} makes them.
 */
final class Utf8
{
    /** {@link #encodedLength} of a null string. */
    static final int NULL = -1;
    /** A text field is an unsigned short byte count ({@link #NULL_PREFIX} for null) followed by that many bytes. */
    static final int LENGTH_PREFIX = Short.BYTES;
    static final int NULL_PREFIX = 0xFFFF;
    /** The longest text a field holds; longer ones are cut. */
    static final int MAX_BYTES = 0xFFFE;

    private Utf8()
    {
    }

    /** Bytes {@code text} encodes to, cut at a character boundary at {@code max}; {@link #NULL} for null. */
    static int encodedLength(final String text, final int max)
    {
        if (text == null)
        {
            return NULL;
        }
        int bytes = 0;
        final int n = text.length();
        for (int i = 0; i < n; i++)
        {
            final char c = text.charAt(i);
            final int size;
            if (c < 0x80)
            {
                size = 1;
            }
            else if (c < 0x800)
            {
                size = 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                size = 4;
            }
            else
            {
                size = Character.isSurrogate(c) ? 1 : 3;
            }
            if (bytes + size > max)
            {
                return bytes;
            }
            bytes += size;
            if (size == 4)
            {
                i++;
            }
        }
        return bytes;
    }

    /** Bytes a text field of {@code encodedLength} takes in a record. */
    static int fieldSize(final int encodedLength)
    {
        return LENGTH_PREFIX + Math.max(0, encodedLength);
    }

    /** Writes a text field (prefix and bytes) at {@code index}; returns the index after it. */
    static int putField(final MutableDirectBuffer buffer, final int index, final String text, final int encodedLength)
    {
        buffer.putShort(index, (short)(encodedLength < 0 ? NULL_PREFIX : encodedLength));
        if (encodedLength > 0)
        {
            encode(buffer, index + LENGTH_PREFIX, text, encodedLength);
        }
        return index + fieldSize(encodedLength);
    }

    /** Writes the first {@code length} bytes ({@link #encodedLength}) of {@code text} at {@code index}. */
    static void encode(final MutableDirectBuffer buffer, final int index, final String text, final int length)
    {
        int at = index;
        final int end = index + length;
        final int n = text.length();
        for (int i = 0; i < n && at < end; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(at++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(at++, (byte)(0xC0 | c >> 6));
                buffer.putByte(at++, (byte)(0x80 | c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                final int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer.putByte(at++, (byte)(0xF0 | cp >> 18));
                buffer.putByte(at++, (byte)(0x80 | cp >> 12 & 0x3F));
                buffer.putByte(at++, (byte)(0x80 | cp >> 6 & 0x3F));
                buffer.putByte(at++, (byte)(0x80 | cp & 0x3F));
            }
            else if (Character.isSurrogate(c))
            {
                buffer.putByte(at++, (byte)'?');
            }
            else
            {
                buffer.putByte(at++, (byte)(0xE0 | c >> 12));
                buffer.putByte(at++, (byte)(0x80 | c >> 6 & 0x3F));
                buffer.putByte(at++, (byte)(0x80 | c & 0x3F));
            }
        }
    }
}
