package dev.spindle.tools.histo;

import java.util.List;
import java.util.Map;

/**
 * Writes the histo commands' reports (maps, lists, strings, numbers, booleans, null) as one line
 * of RFC 8259 JSON, so the tool still carries no JSON library. NaN and infinities become null.
 */
public final class Json
{
    private Json()
    {
    }

    public static String write(final Object value)
    {
        final StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(final StringBuilder out, final Object value)
    {
        if (value == null)
        {
            out.append("null");
        }
        else if (value instanceof Map<?, ?> map)
        {
            out.append('{');
            boolean first = true;
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                out.append(first ? "" : ",");
                quote(out, String.valueOf(entry.getKey()));
                out.append(':');
                append(out, entry.getValue());
                first = false;
            }
            out.append('}');
        }
        else if (value instanceof List<?> list)
        {
            out.append('[');
            for (int i = 0; i < list.size(); i++)
            {
                out.append(i == 0 ? "" : ",");
                append(out, list.get(i));
            }
            out.append(']');
        }
        else if (value instanceof double[] numbers)
        {
            out.append('[');
            for (int i = 0; i < numbers.length; i++)
            {
                out.append(i == 0 ? "" : ",").append(number(numbers[i]));
            }
            out.append(']');
        }
        else if (value instanceof Double || value instanceof Float)
        {
            final double number = ((Number)value).doubleValue();
            out.append(Double.isFinite(number) ? Numbers.plain(number) : "null");
        }
        else if (value instanceof Number || value instanceof Boolean)
        {
            out.append(value);
        }
        else
        {
            quote(out, value.toString());
        }
    }

    /** A finite number in plain notation (no exponent, integers without ".0"); NaN and infinities as null. */
    public static String number(final double value)
    {
        return Double.isFinite(value) ? Numbers.plain(value) : "null";
    }

    private static void quote(final StringBuilder out, final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i))
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(final String text, final int i)
    {
        final char c = text.charAt(i);
        if (Character.isHighSurrogate(c))
        {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
