package dev.spindle.journal.json;

import java.util.Locale;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Escapes, beyond what JSON requires (quote, backslash, U+0000-U+001F), every character a terminal or a
 * JavaScript reader may act on, the set PathText.escape shows as escapes: DEL, the C1 controls U+0080-U+009F
 * (U+009B is a CSI on some terminals), the bidi controls and U+2028/U+2029. JSON printed to a terminal then
 * cannot move its cursor or reorder its text, whatever a file name holds; the other non-ASCII characters stay
 * UTF-8, so names stay readable. Lone surrogates Jackson escapes by itself.
 */
final class TerminalSafeEscapes extends CharacterEscapes
{
    private static final long serialVersionUID = 1L;
    private static final int C1_FIRST = 0x80;
    private static final int C1_LAST = 0x9F;

    private final int[] ascii = standardAsciiEscapesForJSON();
    private final SerializableString[] c1 = new SerializableString[C1_LAST - C1_FIRST + 1];

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
        return isBidiControlOrLineSeparator(c) ? escape(c) : null;
    }

    /** U+061C, U+200E/F, U+202A-202E, U+2066-2069, U+2028/9: rare enough to build their escape when met. */
    private static boolean isBidiControlOrLineSeparator(final int c)
    {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static SerializableString escape(final int c)
    {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
    }
}
