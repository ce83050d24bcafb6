package dev.spindle.tools;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The few JSON primitives the reports need, so the tool carries no JSON library. Strings are
 * escaped per RFC 8259; a lone surrogate (from a broken name) is written as a \\u escape rather
 * than handed to the UTF-8 encoder, which would turn it into '?'.
 */
public final class JsonText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText()
    {
    }

    public static String quote(final CharSequence text)
    {
        final StringBuilder out = new StringBuilder(text.length() + 2);
        try
        {
            appendQuoted(out, text);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    public static void appendQuoted(final Appendable out, final CharSequence text) throws IOException
    {
        out.append('"');
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7F)
                    {
                        appendUnicodeEscape(out, c);
                    }
                    else if (Character.isSurrogate(c))
                    {
                        final boolean pairStart = Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(text.charAt(i + 1));
                        if (pairStart)
                        {
                            out.append(c).append(text.charAt(++i));
                        }
                        else
                        {
                            appendUnicodeEscape(out, c);
                        }
                    }
                    else
                    {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /**
     * A number as JSON: integral values without a fraction, others as the shortest decimal that
     * round-trips, never in exponent form; NaN and infinities, which JSON cannot express, become null.
     */
    public static String number(final double value)
    {
        if (!Double.isFinite(value))
        {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void appendUnicodeEscape(final Appendable out, final char c) throws IOException
    {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
