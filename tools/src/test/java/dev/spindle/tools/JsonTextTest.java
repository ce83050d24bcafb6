package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The hand-written escaper against a strict parser: cheaper than a JSON dependency, as long as
 * every char (controls, separators, lone surrogates from broken names) is proven to round-trip.
 */
class JsonTextTest
{
    @Test
    void escapesWhatJsonRequires()
    {
        assertEquals("\"plain\"", JsonText.quote("plain"));
        assertEquals("\"a\\\"b\\\\c\"", JsonText.quote("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", JsonText.quote("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u007f\"", JsonText.quote("\u0000\u001f\u007f"));
        assertEquals("\"\\u2028\\u2029\"", JsonText.quote("\u2028\u2029"));
        assertEquals("\"/\"", JsonText.quote("/"));
    }

    @Test
    void keepsNonAsciiAndPairedSurrogatesButEscapesLoneOnes()
    {
        assertEquals("\"caf\u00e9 \ufffd \ud83d\ude00\"", JsonText.quote("caf\u00e9 \ufffd \ud83d\ude00"));
        assertEquals("\"\\ud800x\"", JsonText.quote("\ud800x"));
        assertEquals("\"x\\udc00\"", JsonText.quote("x\udc00"));
        assertEquals("\"\\ude00\\ud83d\"", JsonText.quote("\ude00\ud83d"));
    }

    @Test
    void everyCharRoundTripsThroughAStrictParser()
    {
        final StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++)
        {
            all.append(c);
        }
        all.append("\ud800\udfff\ud83d\ude00\uffff\udc00 \ud800");
        final String text = all.toString();
        assertEquals(text, MiniJson.parse(JsonText.quote(text)));
    }

    @Test
    void numbersAreValidJson()
    {
        assertEquals("0", JsonText.number(0));
        assertEquals("42", JsonText.number(42.0));
        assertEquals("-3", JsonText.number(-3.0));
        assertEquals("0.125", JsonText.number(0.125));
        assertEquals("13287555.071", JsonText.number(13287555.071));
        assertEquals("0.000000001", JsonText.number(1e-9));
        assertEquals("null", JsonText.number(Double.NaN));
        assertEquals("null", JsonText.number(Double.POSITIVE_INFINITY));
        for (final double value : new double[] {1e-9, 1.5e20, 123456.789, -0.0001})
        {
            assertEquals(value, (Double)MiniJson.parse(JsonText.number(value)), Math.abs(value) * 1e-12);
        }
    }

    @Test
    void theParserRejectsWhatIsNotJson()
    {
        for (final String bad : List.of("{\"a\": 1,}", "[1 2]", "\"raw\ncontrol\"", "{'a': 1}", "NaN", "{\"a\": 1} x"))
        {
            assertThrows(RuntimeException.class, () -> MiniJson.parse(bad), bad);
        }
        assertEquals(Map.of("a", List.of(1.0, "x", true)), MiniJson.parse("{\"a\": [1, \"x\", true]}"));
    }
}
