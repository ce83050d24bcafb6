package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The one escaping function every name passes before it reaches a terminal or a log. */
class PathTextTest
{
    @Test
    void plainNamesAreLeftAlone()
    {
        final String name = "dir/café/ファイル 1.txt";
        assertSame(name, PathText.escape(name));
        assertEquals("emoji \uD83D\uDE00 stays", PathText.escape("emoji \uD83D\uDE00 stays"));
    }

    @Test
    void controlCharactersShowAsEscapes()
    {
        assertEquals("fifo\\nFAKE: 0 failed\\x1b[2J", PathText.escape("fifo\nFAKE: 0 failed\u001b[2J"));
        assertEquals("a\\rb\\tc\\x00d\\x7fe\\x07", PathText.escape("a\rb\tc\u0000d\u007fe\u0007"));
        assertEquals("c1 \\u0085 \\u009b", PathText.escape("c1 \u0085 \u009b"), "C1 controls, NEL and CSI included");
        assertEquals("back\\\\slash", PathText.escape("back\\slash"), "a real backslash doubles, so escapes stay unambiguous");
    }

    @Test
    void bidiControlsAndLineSeparatorsShowAsEscapes()
    {
        assertEquals("evil\\u202etxt.exe", PathText.escape("evil\u202etxt.exe"));
        for (final char c : new char[] {'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e',
            '\u200f', '\u061c', '\u2028', '\u2029'})
        {
            assertEquals("x\\u" + String.format("%04x", (int)c) + "y", PathText.escape("x" + c + "y"));
        }
    }

    @Test
    void loneSurrogatesShowAsEscapes()
    {
        assertEquals("a\\ud800b", PathText.escape("a\uD800b"));
        assertEquals("a\\udc00", PathText.escape("a\uDC00"));
    }

    @Test
    void invalidUtf8BytesShowAsHex()
    {
        final byte[] name = "fifo\nFAKE: 0 failed\u00ff\u001b[2J".getBytes(StandardCharsets.UTF_8);
        final byte[] raw = new byte[name.length - 1];
        int n = 0;
        for (int i = 0; i < name.length; i++)
        {
            if ((name[i] & 0xFF) == 0xC3)
            {
                raw[n++] = (byte)0xFF; // replace the two-byte U+00FF with one bare 0xFF byte
                i++;
            }
            else
            {
                raw[n++] = name[i];
            }
        }
        assertEquals("fifo\\nFAKE: 0 failed\\xff\\x1b[2J", PathText.escape(raw, 0, raw.length));
        assertEquals("caf\u00e9 \\xc3(", PathText.escape(new byte[] {'c', 'a', 'f', (byte)0xC3, (byte)0xA9, ' ', (byte)0xC3, '('}, 0, 8));
    }

    @Test
    void aLossyNameIsShownFromItsUriBytesKeepingItsRelativeForm()
    {
        assertEquals("tree/bad\\xffname", PathText.terminal("tree/bad\uFFFDname", "file:///base/tree/bad%FFname"));
        assertEquals("/base/tree/sub\\x1b/bad\\xff", PathText.terminal("/base/tree/sub\u001b/bad\uFFFD", "file:///base/tree/sub%1B/bad%FF/"));
        assertEquals("plain\\n", PathText.terminal("plain\n", null));
    }
}
