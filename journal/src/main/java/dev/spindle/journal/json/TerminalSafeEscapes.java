package dev.spindle.journal.json;

import java.util.Locale;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Escapes, beyond what JSON requires (quote, backslash, U+0000-U+001F), every character a terminal or a
 * JavaScript reader may act on: DEL, the C1 controls U+0080-U+009F (U+009B is a CSI on some terminals) and
 * U+2028/U+2029. JSON printed to a terminal then cannot move its cursor, whatever a file name holds; the other
 * non-ASCII characters stay UTF-8, so names stay readable. Lone surrogates Jackson escapes by itself.
 */
final class TerminalSafeEscapes extends CharacterEscapes
{
    private static final long serialVersionUID = 1L;
    private static final int C1_FIRST = 0x80;
    private static final int C1_LAST = 0x9F;

    private final int[] ascii = standardAsciiEscapesForJSON();
    private final SerializableString[] c1 = new SerializableString[C1_LAST - C1_FIRST + 1];
    private final SerializableString lineSeparator = escape('\u2028');
    private final SerializableString paragraphSeparator = escape('\u2029');

    TerminalSafeEscapes()
    {
        ascii[0x7F] = ESCAPE_STANDARD;
        for (int c = C1_FIRST; c <= C1_LAST; c++)
        {
            c1[c - C1_FIRST] = escape(c);
        }
    }

    @Override
    public int[] getEscapeCodesForAscii()
    {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(final int c)
    {
        if (c >= C1_FIRST && c <= C1_LAST)
        {
            return c1[c - C1_FIRST];
        }
        return c == '\u2028' ? lineSeparator : c == '\u2029' ? paragraphSeparator : null;
    }

    private static SerializableString escape(final int c)
    {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
    }
}
