package dev.spindle.tools;

/**
 * Decides text or binary from a file's first block only: a NUL byte or a byte sequence that is not
 * strict UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF) means binary. Cheap
 * and allocation-free, at the price of calling a file text whose bad bytes all come later.
 */
public final class TextSniffer
{
    public static final int SNIFF_BYTES = 8192;

    private TextSniffer()
    {
    }

    /**
     * @param wholeFile true when the block is the entire file, so a sequence cut off at its end is
     *                  invalid; otherwise the rest of that sequence lies past the block and is not judged
     */
    public static boolean looksBinary(final byte[] bytes, final int offset, final int length, final boolean wholeFile)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final int lead = bytes[i] & 0xFF;
            if (lead == 0)
            {
                return true;
            }
            if (lead < 0x80)
            {
                i++;
                continue;
            }
            final int continuation = continuationBytes(lead);
            if (continuation < 0)
            {
                return true;
            }
            for (int k = 1; k <= continuation; k++)
            {
                if (i + k >= end)
                {
                    return wholeFile;
                }
                final int next = bytes[i + k] & 0xFF;
                if (k == 1 ? !validSecond(lead, next) : !isContinuation(next))
                {
                    return true;
                }
            }
            i += continuation + 1;
        }
        return false;
    }

    private static int continuationBytes(final int lead)
    {
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF)
        {
            return 2;
        }
        if (lead >= 0xF0 && lead <= 0xF4)
        {
            return 3;
        }
        return -1;
    }

    private static boolean validSecond(final int lead, final int second)
    {
        switch (lead)
        {
            case 0xE0:
                return second >= 0xA0 && second <= 0xBF;
            case 0xED:
                return second >= 0x80 && second <= 0x9F;
            case 0xF0:
                return second >= 0x90 && second <= 0xBF;
            case 0xF4:
                return second >= 0x80 && second <= 0x8F;
            default:
                return isContinuation(second);
        }
    }

    private static boolean isContinuation(final int b)
    {
        return b >= 0x80 && b <= 0xBF;
    }
}
