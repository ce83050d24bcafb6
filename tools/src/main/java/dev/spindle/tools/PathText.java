package dev.spindle.tools;

import java.io.IOError;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders paths for people and reports. JSON and {@code index.jsonl} get the exact name ({@link #display});
 * terminals and logs get {@link #escape}d text, where a name can forge no line and drive no terminal:
 * control characters, C1, bidi overrides and line separators show as {@code \n}, {@code \x1b}, {@code \u202e},
 * a backslash doubles so the escapes stay unambiguous. The JVM decodes file names it cannot map with U+FFFD,
 * so that text is lossy; then the file: URI (built from the raw name bytes) is the faithful name, and the
 * terminal shows its invalid bytes as {@code \xff}. A file really named with U+FFFD just gets a redundant URI.
 */
public final class PathText
{
    private static final char REPLACEMENT = '\uFFFD';

    private PathText()
    {
    }

    static String display(final Path path)
    {
        return path == null ? "" : path.toString();
    }

    /** The percent-encoded file: URI when {@link #display} is lossy, else null. */
    static String uriIfLossy(final Path path)
    {
        if (path == null || path.toString().indexOf(REPLACEMENT) < 0)
        {
            return null;
        }
        try
        {
            return path.toUri().toASCIIString();
        }
        catch (final IOError | RuntimeException e)
        {
            return null;
        }
    }

    /** A path as a terminal may show it: its raw bytes when its text is lossy, escaped. */
    public static String terminal(final Path path)
    {
        return path == null ? "" : terminal(display(path), uriIfLossy(path));
    }

    /**
     * A name as a terminal may show it, given its {@link #display} text and, when that is lossy, its
     * file: URI (as {@link FailureRecord} keeps them): the raw bytes of the URI's last elements, as many
     * as {@code shown} has, so a relative name stays relative.
     */
    static String terminal(final String shown, final String uri)
    {
        if (uri == null)
        {
            return escape(shown);
        }
        final byte[] raw;
        try
        {
            raw = percentDecoded(URI.create(uri).getRawPath());
        }
        catch (final IllegalArgumentException e)
        {
            return escape(shown);
        }
        int end = raw.length;
        while (end > 1 && raw[end - 1] == '/' && !shown.endsWith("/"))
        {
            end--; // toUri marks a directory with a trailing slash
        }
        int start = 0;
        if (!shown.startsWith("/"))
        {
            int elements = 0;
            for (final String element : shown.split("/"))
            {
                elements += element.isEmpty() ? 0 : 1;
            }
            start = end;
            while (elements > 0 && start > 0)
            {
                start--;
                if (raw[start] == '/')
                {
                    elements--;
                }
            }
            start = raw[start] == '/' ? start + 1 : start;
        }
        return escape(raw, start, end);
    }

    /** {@code text} with every character that could forge a line or drive a terminal shown as an escape. */
    public static String escape(final String text)
    {
        if (text == null)
        {
            return "";
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text, i))
        {
            i++;
        }
        if (i == text.length())
        {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        appendEscaped(out, text, i, text.length());
        return out.toString();
    }

    /** Bytes as UTF-8 where they are, each invalid byte as {@code \xNN}, the text then {@link #escape}d. */
    static String escape(final byte[] bytes, final int from, final int to)
    {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        final CharBuffer chars = CharBuffer.allocate(Math.max(1, to - from));
        final StringBuilder out = new StringBuilder(to - from + 16);
        while (true)
        {
            final CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            appendEscaped(out, chars, 0, chars.length());
            chars.clear();
            if (result.isError())
            {
                for (int n = 0; n < result.length(); n++)
                {
                    hex(out, "\\x", in.get() & 0xFF, 2);
                }
            }
            else if (result.isUnderflow())
            {
                return out.toString();
            }
        }
    }

    private static void appendEscaped(final StringBuilder out, final CharSequence text, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final char c = text.charAt(i);
            if (!needsEscape(text, i))
            {
                out.append(c);
            }
            else if (c == '\\')
            {
                out.append("\\\\");
            }
            else if (c == '\n')
            {
                out.append("\\n");
            }
            else if (c == '\r')
            {
                out.append("\\r");
            }
            else if (c == '\t')
            {
                out.append("\\t");
            }
            else if (c < 0x20 || c == 0x7F)
            {
                hex(out, "\\x", c, 2);
            }
            else
            {
                hex(out, "\\u", c, 4);
            }
        }
    }

    private static boolean needsEscape(final CharSequence text, final int i)
    {
        final char c = text.charAt(i);
        if (c == '\\' || c < 0x20 || (c >= 0x7F && c <= 0x9F))
        {
            return true;
        }
        if (c >= 0x0600 && (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
            || c == 0x2028 || c == 0x2029))
        {
            return true;
        }
        if (Character.isHighSurrogate(c))
        {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static void hex(final StringBuilder out, final String prefix, final int value, final int digits)
    {
        final String hex = Integer.toHexString(value).toLowerCase(Locale.ROOT);
        out.append(prefix).append("0".repeat(Math.max(0, digits - hex.length()))).append(hex);
    }

    private static byte[] percentDecoded(final String raw)
    {
        final ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++)
        {
            final char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length())
            {
                bytes.put((byte)Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else
            {
                bytes.put((byte)c);
            }
        }
        final byte[] out = new byte[bytes.position()];
        bytes.flip().get(out);
        return out;
    }
}
