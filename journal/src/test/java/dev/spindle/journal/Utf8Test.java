package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The hand-written UTF-8 encoder writes what String.getBytes writes, and cuts only at character boundaries. */
final class Utf8Test
{
    private static final String[] TEXTS = {"", "plain ascii", "ключ", "naïve café", "日本語のキー", "emoji \uD83D\uDE00 and \uD83C\uDF89",
        "lone high \uD800 surrogate", "lone low \uDC00 surrogate", "\uD83D", "mixed \u007F\u0080\u07FF\u0800\uFFFF"};

    @Test
    void encodesAsStringGetBytes()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        for (final String text : TEXTS)
        {
            final byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            final int length = Utf8.encodedLength(text, Integer.MAX_VALUE);
            assertEquals(expected.length, length, text);
            Utf8.encode(buffer, 3, text, length);
            assertArrayEquals(expected, Arrays.copyOfRange(buffer.byteArray(), 3, 3 + length), text);
        }
        assertEquals(Utf8.NULL, Utf8.encodedLength(null, 10));
    }

    @Test
    void cutsAtACharacterBoundary()
    {
        final String text = "ab\uD83D\uDE00cd"; // 1 + 1 + 4 + 1 + 1 bytes
        assertEquals(2, Utf8.encodedLength(text, 5), "the emoji does not fit in 5: cut before it");
        assertEquals(6, Utf8.encodedLength(text, 6));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        Utf8.encode(buffer, 0, text, 2);
        assertEquals("ab", buffer.getStringWithoutLengthUtf8(0, 2));
        assertEquals(0, buffer.getByte(2), "nothing written past the cut");
    }
}
