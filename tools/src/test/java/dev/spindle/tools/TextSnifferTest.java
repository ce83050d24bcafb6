package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The binary sniff on byte patterns: strict UTF-8 edge cases and the rule that only a file that
 * really ends mid-character is binary for it.
 */
class TextSnifferTest
{
    private static boolean binary(final byte[] bytes, final boolean wholeFile)
    {
        return TextSniffer.looksBinary(bytes, 0, bytes.length, wholeFile);
    }

    private static byte[] bytes(final int... values)
    {
        final byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            out[i] = (byte)values[i];
        }
        return out;
    }

    @Test
    void asciiAndUtf8AreText()
    {
        assertFalse(binary(new byte[0], true));
        assertFalse(binary("hello\nworld\r\n\t".getBytes(StandardCharsets.UTF_8), true));
        assertFalse(binary("caf\u00e9 \u20ac \ud83d\ude00 \uffff".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void nulOrInvalidUtf8IsBinary()
    {
        assertTrue(binary(bytes('a', 0, 'b'), true));
        assertTrue(binary(bytes(0xFF), true), "0xFF is never UTF-8");
        assertTrue(binary(bytes(0x80), true), "stray continuation byte");
        assertTrue(binary(bytes(0xC0, 0xAF), true), "overlong '/'");
        assertTrue(binary(bytes(0xE0, 0x80, 0xAF), true), "overlong 3-byte");
        assertTrue(binary(bytes(0xED, 0xA0, 0x80), true), "UTF-16 surrogate");
        assertTrue(binary(bytes(0xF4, 0x90, 0x80, 0x80), true), "past U+10FFFF");
        assertTrue(binary(bytes(0xC3, 'a'), true), "lead byte without continuation");
    }

    @Test
    void aSequenceCutByTheBlockEndIsTextUnlessTheFileEndsThere()
    {
        final byte[] euroCut = bytes('x', 0xE2, 0x82);
        assertFalse(binary(euroCut, false), "the rest of the euro sign lies past the sniffed block");
        assertTrue(binary(euroCut, true), "the file ends in the middle of a character");
    }

    @Test
    void onlyTheGivenRangeIsJudged()
    {
        final byte[] bytes = bytes('a', 'b', 0, 0xFF);
        assertFalse(TextSniffer.looksBinary(bytes, 0, 2, false));
        assertTrue(TextSniffer.looksBinary(bytes, 1, 2, false));
    }
}
