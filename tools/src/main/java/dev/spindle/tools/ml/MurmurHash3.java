package dev.spindle.tools.ml;

/**
 * MurmurHash3 x86_32 without allocation. Chars are hashed as their UTF-16LE bytes (two per block),
 * so a char hash equals the reference byte hash of those bytes; the price is hashing 2 bytes per
 * char even for ASCII, which is what lets feature hashing skip any encoding step.
 */
public final class MurmurHash3
{
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private MurmurHash3()
    {
    }

    /** The reference x86_32 hash of {@code bytes[offset, offset + length)}. */
    public static int hashBytes(final byte[] bytes, final int offset, final int length, final int seed)
    {
        int h = seed;
        final int blocks = offset + (length & ~3);
        for (int i = offset; i < blocks; i += 4)
        {
            final int k = (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16 | bytes[i + 3] << 24;
            h = mixH(h, mixK(k));
        }
        final int tail = length & 3;
        if (tail > 0)
        {
            int k = bytes[blocks] & 0xFF;
            if (tail > 1)
            {
                k |= (bytes[blocks + 1] & 0xFF) << 8;
            }
            if (tail > 2)
            {
                k |= (bytes[blocks + 2] & 0xFF) << 16;
            }
            h ^= mixK(k);
        }
        return fmix(h ^ length);
    }

    /** The hash of the UTF-16LE bytes of {@code chars[from, to)}. */
    public static int hashChars(final char[] chars, final int from, final int to, final int seed)
    {
        int h = seed;
        int i = from;
        for (; i + 1 < to; i += 2)
        {
            h = mixH(h, mixK(chars[i] | chars[i + 1] << 16));
        }
        if (i < to)
        {
            h ^= mixK(chars[i]);
        }
        return fmix(h ^ ((to - from) << 1));
    }

    /** The hash of the UTF-16LE bytes of {@code text[from, to)}. */
    public static int hashChars(final CharSequence text, final int from, final int to, final int seed)
    {
        int h = seed;
        int i = from;
        for (; i + 1 < to; i += 2)
        {
            h = mixH(h, mixK(text.charAt(i) | text.charAt(i + 1) << 16));
        }
        if (i < to)
        {
            h ^= mixK(text.charAt(i));
        }
        return fmix(h ^ ((to - from) << 1));
    }

    /** The hash of the 4 little-endian bytes of {@code value}. */
    public static int hashInt(final int value, final int seed)
    {
        return fmix(mixH(seed, mixK(value)) ^ 4);
    }

    private static int mixK(final int k)
    {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }

    private static int mixH(final int h, final int k)
    {
        return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
    }

    private static int fmix(final int hash)
    {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
