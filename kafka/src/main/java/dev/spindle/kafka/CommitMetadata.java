package dev.spindle.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The commit metadata that carries a partition's completed-beyond-watermark offsets to the member
 * that takes it over: "spindle1:" and, base64url, varint pairs (gap from the previous range's end,
 * length) starting at the committed offset. Run lengths stay small for the usual shape (a few slow
 * records below long completed runs); when the ranges exceed the broker's metadata limit, the lowest
 * ranges that fit are kept and the rest are redone by the next owner (at-least-once, never a stall).
 */
public final class CommitMetadata
{
    public static final String PREFIX = "spindle1:";
    /** The broker's default {@code offset.metadata.max.bytes}. */
    public static final int DEFAULT_MAX_CHARS = 4096;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final int maxChars;
    private final byte[] scratch;
    private boolean truncated;

    public CommitMetadata(final int maxChars)
    {
        if (maxChars < PREFIX.length())
        {
            throw new IllegalArgumentException("metadata limit " + maxChars + " is below the prefix's " + PREFIX.length() + " characters");
        }
        this.maxChars = maxChars;
        this.scratch = new byte[(maxChars - PREFIX.length()) * 3 / 4];
    }

    /**
     * The metadata for a commit at {@code watermark}: empty when nothing is completed beyond it, else
     * as many of the lowest ranges as fit within the limit ({@link #lastTruncated()} says whether some
     * did not). Ranges must lie above the watermark.
     */
    public String encode(final long watermark, final CompletedRanges ranges)
    {
        truncated = false;
        int length = 0;
        long previousEnd = watermark;
        for (int i = 0; i < ranges.size(); i++)
        {
            final long gap = ranges.start(i) - previousEnd;
            final long run = ranges.end(i) - ranges.start(i);
            if (gap < 0)
            {
                throw new IllegalArgumentException("range " + i + " starts at " + ranges.start(i) + ", below " + previousEnd);
            }
            final int needed = varintLength(gap) + varintLength(run);
            if (length + needed > scratch.length)
            {
                truncated = true;
                break;
            }
            length = writeVarint(scratch, length, gap);
            length = writeVarint(scratch, length, run);
            previousEnd = ranges.end(i);
        }
        if (length == 0)
        {
            return "";
        }
        final byte[] bytes = new byte[length];
        System.arraycopy(scratch, 0, bytes, 0, length);
        return PREFIX + new String(ENCODER.encode(bytes), StandardCharsets.US_ASCII);
    }

    /** Whether the last {@link #encode} left ranges out to stay within the limit. */
    public boolean lastTruncated()
    {
        return truncated;
    }

    public int maxChars()
    {
        return maxChars;
    }

    /**
     * Fills {@code into} with the ranges {@code metadata} names above {@code committedOffset}. Metadata
     * that is absent, another writer's or corrupt gives no ranges: everything from the committed offset
     * is processed again, which is at-least-once and safe. Returns whether ranges were read.
     */
    public static boolean decode(final long committedOffset, final String metadata, final CompletedRanges into)
    {
        into.clear();
        if (metadata == null || !metadata.startsWith(PREFIX))
        {
            return false;
        }
        final byte[] bytes;
        try
        {
            bytes = DECODER.decode(metadata.substring(PREFIX.length()));
        }
        catch (final IllegalArgumentException notBase64)
        {
            return false;
        }
        final long[] value = new long[1];
        long previousEnd = committedOffset;
        int at = 0;
        while (at < bytes.length)
        {
            at = readVarint(bytes, at, value);
            if (at < 0 || at >= bytes.length)
            {
                into.clear();
                return false;
            }
            final long start = previousEnd + value[0];
            at = readVarint(bytes, at, value);
            if (at < 0 || value[0] <= 0 || start < previousEnd || start + value[0] < start)
            {
                into.clear();
                return false;
            }
            previousEnd = start + value[0];
            into.add(start, previousEnd);
        }
        return into.size() > 0;
    }

    static int varintLength(final long value)
    {
        int length = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7)
        {
            length++;
        }
        return length;
    }

    private static int writeVarint(final byte[] into, final int at, final long value)
    {
        int position = at;
        long rest = value;
        while ((rest & ~0x7FL) != 0)
        {
            into[position++] = (byte)((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        into[position++] = (byte)rest;
        return position;
    }

    /** Reads one varint into {@code value[0]}; returns the next position, or -1 when it is cut short or too long. */
    private static int readVarint(final byte[] from, final int at, final long[] value)
    {
        long result = 0;
        int shift = 0;
        int position = at;
        while (position < from.length && shift < 64)
        {
            final byte b = from[position++];
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                value[0] = result;
                return result < 0 ? -1 : position;
            }
            shift += 7;
        }
        return -1;
    }
}
