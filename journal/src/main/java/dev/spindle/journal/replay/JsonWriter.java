package dev.spindle.journal.replay;

import java.math.BigDecimal;

/**
 * A minimal streaming JSON writer for the audit: objects, arrays, names, strings and numbers, commas placed
 * by a nesting stack. Numbers are written as the shortest decimal that round-trips, never in exponent
 * form; NaN and infinities, which JSON cannot express, become null.
 */
final class JsonWriter
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_DEPTH = 32;

    private final StringBuilder out = new StringBuilder(1024);
    private final boolean[] first = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    JsonWriter beginObject()
    {
        separate();
        out.append('{');
        first[++depth] = true;
        return this;
    }

    JsonWriter endObject()
    {
        depth--;
        out.append('}');
        return this;
    }

    JsonWriter beginArray()
    {
        separate();
        out.append('[');
        first[++depth] = true;
        return this;
    }

    JsonWriter endArray()
    {
        depth--;
        out.append(']');
        return this;
    }

    JsonWriter name(final String name)
    {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(final String text)
    {
        separate();
        if (text == null)
        {
            out.append("null");
        }
        else
        {
            quote(text);
        }
        return this;
    }

    JsonWriter value(final double number)
    {
        separate();
        out.append(number(number));
        return this;
    }

    JsonWriter value(final long number)
    {
        separate();
        out.append(number);
        return this;
    }

    @Override
    public String toString()
    {
        return out.toString();
    }

    static String number(final double value)
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

    private void separate()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }
        if (depth > 0)
        {
            if (!first[depth])
            {
                out.append(',');
            }
            first[depth] = false;
        }
    }

    private void quote(final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c))
            {
                out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
            else
            {
                out.append(c);
            }
        }
        out.append('"');
    }
}
