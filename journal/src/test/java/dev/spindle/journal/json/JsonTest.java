package dev.spindle.journal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/** Spindle's JSON rules (tools/README.md, "JSON") on Jackson: strings, numbers, the three layouts and the strict reader. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
final class JsonTest
{
    private static String string(final String text)
    {
        return Json.write(json -> json.writeString(text));
    }

    private static String number(final double value)
    {
        return Json.write(json -> json.writeNumber(value));
    }

    @Test
    void controlCharactersAreEscapedShortWhereJsonHasAShortForm()
    {
        assertEquals("\"a\\\"b\\\\c/d\"", string("a\"b\\c/d"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", string("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u0001\\u001b\\u001f\"", string("\u0000\u0001\u001b\u001f"));
    }

    @Test
    void delC1BidiControlsAndLineSeparatorsAreEscapedSoATerminalCannotActOnThem()
    {
        assertEquals("\"\\u007f\\u0080\\u009b\\u009f\\u2028\\u2029\"", string("\u007f\u0080\u009b\u009f\u2028\u2029"));
        assertEquals("\"\\u061c\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069\"", string("\u061c\u200e\u200f\u202a\u202e\u2066\u2069"),
            "bidi controls, which reorder what a terminal shows");
        assertEquals("{\"\\u001b[2J\\u009b\":1}", Json.write(Map.of("\u001b[2J\u009b", 1)), "names follow the same rules");
        assertEquals("\"caf\u00e9 \u00a0 \ufffd \uffff\"", string("caf\u00e9 \u00a0 \ufffd \uffff"), "the rest of Unicode stays as it is");
    }

    @Test
    void aSurrogatePairIsOneUtf8CharacterAndALoneSurrogateAnEscape() throws Exception
    {
        assertEquals("\"\ud83d\ude00\"", string("\ud83d\ude00"));
        assertEquals(6, Json.write(json -> json.writeString("\ud83d\ude00")).getBytes(StandardCharsets.UTF_8).length, "4 bytes and the quotes");
        assertEquals("\"\\ud800x\"", string("\ud800x"));
        assertEquals("\"x\\udc00\"", string("x\udc00"));
        assertEquals("\"\\ude00\\ud83d\"", string("\ude00\ud83d"), "a pair in the wrong order is two lone surrogates");
        assertEquals("\"a\\ud800\"", string("a\ud800"), "a high surrogate at the very end");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.compact(bytes))
        {
            json.writeString("\ud800\udfff\ud800 \udfff");
        }
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
    }

    @Test
    void everyCharRoundTripsThroughTheParser()
    {
        final StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++)
        {
            all.append(c);
        }
        all.append("\ud800\udfff\ud83d\ude00\uffff\udc00 \ud800 \udbff\udfff");
        final String text = all.toString();
        assertEquals(text, Json.read(string(text)));
        assertEquals(Map.of("name", text), Json.read(Json.write(Map.of("name", text))));
    }

    @Test
    void nanAndInfinitiesAreNull()
    {
        assertEquals("[null,null,null,null,1]", Json.write(json ->
        {
            json.writeStartArray();
            json.writeNumber(Double.NaN);
            json.writeNumber(Double.POSITIVE_INFINITY);
            json.writeNumber(Double.NEGATIVE_INFINITY);
            json.writeNumber(Float.NaN);
            json.writeNumber(1.0f);
            json.writeEndArray();
        }));
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nan", Double.NaN);
        fields.put("inf", Double.NEGATIVE_INFINITY);
        fields.put("list", new double[] {Double.NaN, 0.5});
        assertEquals("{\"nan\":null,\"inf\":null,\"list\":[null,0.5]}", Json.write(fields));
        assertEquals("{\"x\":null}", Json.write(json ->
        {
            json.writeStartObject();
            json.writeNumberProperty("x", Double.NaN);
            json.writeEndObject();
        }), "the property shortcut takes the same path");
    }

    @Test
    void doublesArePlainShortestDecimals()
    {
        assertEquals("0", number(0));
        assertEquals("0", number(-0.0));
        assertEquals("42", number(42.0));
        assertEquals("-3", number(-3.0));
        assertEquals("0.125", number(0.125));
        assertEquals("0.1", number(0.1));
        assertEquals("13287555.071", number(13287555.071));
        assertEquals("0.000000001", number(1e-9));
        assertEquals("100000000000000000000", number(1e20));
        assertEquals("9007199254740993", Json.write(json -> json.writeNumber(9007199254740993L)), "a long past 2^53 stays exact");
        assertEquals("0.1", Json.write(json -> json.writeNumber(0.1f)), "a float's own shortest digits, not its double's");
        final String huge = number(Double.MAX_VALUE);
        assertTrue(huge.matches("17976931348623157[0]{292}"), huge);
        final String tiny = number(Double.MIN_VALUE);
        assertTrue(tiny.matches("0\\.0{323}(49|5)"), tiny);
    }

    @Test
    void doublesRoundTripExactly()
    {
        final SplittableRandom random = new SplittableRandom(15);
        final double[] special = {Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 1e15, 1e15 + 1, 0.1 + 0.2, 2e-3,
            1.0E23, 9007199254740993.0, Math.PI, -Math.E};
        final double[] values = Arrays.copyOf(special, special.length + 20_000);
        for (int i = special.length; i < values.length; i++)
        {
            values[i] = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * Math.pow(10, random.nextInt(-12, 13));
            if (!Double.isFinite(values[i]))
            {
                values[i] = i;
            }
        }
        final List<?> read = (List<?>)Json.read(Json.write(values));
        for (int i = 0; i < values.length; i++)
        {
            assertEquals(values[i] == 0 ? 0.0 : values[i], ((Number)read.get(i)).doubleValue(), 0.0, "value " + i);
        }
    }

    @Test
    void longsNearTheirLimitsRoundTripAsLongs()
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("max", Long.MAX_VALUE);
        fields.put("max_minus_one", Long.MAX_VALUE - 1);
        fields.put("min", Long.MIN_VALUE);
        fields.put("big", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        final String text = Json.write(fields);
        assertEquals("{\"max\":9223372036854775807,\"max_minus_one\":9223372036854775806,\"min\":-9223372036854775808,"
            + "\"big\":9223372036854775808}", text);
        final Map<?, ?> read = (Map<?, ?>)Json.read(text);
        assertEquals(Long.MAX_VALUE, read.get("max"));
        assertEquals(Long.MAX_VALUE - 1, read.get("max_minus_one"));
        assertEquals(Long.MIN_VALUE, read.get("min"));
        assertEquals(new BigInteger("9223372036854775808"), read.get("big"));
    }

    @Test
    void theThreeLayouts()
    {
        final Consumer<JsonGenerator> report = json ->
        {
            json.writeStartObject();
            json.writeStringProperty("dir", "/t");
            json.writeObjectPropertyStart("e2e_us");
            json.writeNumberProperty("p50", 1.5);
            json.writeNumberProperty("max", 2);
            json.writeEndObject();
            json.writeArrayPropertyStart("empty");
            json.writeEndArray();
            json.writeArrayPropertyStart("failures");
            for (int id = 1; id <= 2; id++)
            {
                json.writeStartObject();
                json.writeNumberProperty("id", id);
                json.writeArrayPropertyStart("tags");
                json.writeString("a");
                json.writeString("b");
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        };
        assertEquals("{\"dir\":\"/t\",\"e2e_us\":{\"p50\":1.5,\"max\":2},\"empty\":[],\"failures\":[{\"id\":1,\"tags\":[\"a\",\"b\"]},"
            + "{\"id\":2,\"tags\":[\"a\",\"b\"]}]}", Json.write(report));
        assertEquals("{\"dir\": \"/t\", \"e2e_us\": {\"p50\": 1.5, \"max\": 2}, \"empty\": [], \"failures\": [{\"id\": 1, \"tags\": [\"a\", \"b\"]}, "
            + "{\"id\": 2, \"tags\": [\"a\", \"b\"]}]}\n", written(Json::line, report));
        assertEquals("""
            {
              "dir": "/t",
              "e2e_us": {"p50": 1.5, "max": 2},
              "empty": [],
              "failures": [
                {"id": 1, "tags": ["a", "b"]},
                {"id": 2, "tags": ["a", "b"]}
              ]
            }
            """, written(Json::document, report));
        assertEquals("[\n  {\"a\": [1, 2]},\n  []\n]\n", written(Json::document, json ->
        {
            json.writeStartArray();
            json.writeStartObject();
            json.writeArrayPropertyStart("a");
            json.writeNumber(1);
            json.writeNumber(2);
            json.writeEndArray();
            json.writeEndObject();
            json.writeStartArray();
            json.writeEndArray();
            json.writeEndArray();
        }));
        assertEquals("{}\n", written(Json::document, json ->
        {
            json.writeStartObject();
            json.writeEndObject();
        }));
    }

    @Test
    void jsonLinesAreOneLineEachWhateverTheStringsHold()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.line(bytes))
        {
            for (final String path : List.of("a\nb", "c\u2028d", "e\u0085f", "g"))
            {
                json.writeStartObject();
                json.writeStringProperty("path", path);
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
        final List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("a\nb", ((Map<?, ?>)Json.read(lines.get(0))).get("path"));
        assertEquals("e\u0085f", ((Map<?, ?>)Json.read(lines.get(2))).get("path"));
    }

    @Test
    void theReaderIsStrict()
    {
        for (final String bad : List.of("{\"a\": 1,}", "[1 2]", "\"raw\ncontrol\"", "{'a': 1}", "NaN", "{\"a\": 1} x", "{\"a\": 1, \"a\": 2}",
            "", "[1] [2]", "01", "\"\\x\""))
        {
            assertThrows(JacksonException.class, () -> Json.read(bad), bad);
        }
        final Map<?, ?> read = (Map<?, ?>)Json.read(" {\"a\": [1, \"x\", true, null, 2.5, -0.0, 1e400]} \n");
        final List<?> a = (List<?>)read.get("a");
        assertEquals(List.of(1L, "x", true), a.subList(0, 3));
        assertNull(a.get(3));
        assertEquals(2.5, a.get(4));
        assertEquals(-0.0, a.get(5));
        assertEquals(Double.POSITIVE_INFINITY, a.get(6), "past double's range a reader gets infinity, as Java's parseDouble does");
    }

    @Test
    void readsAFileAndNamesItsIoErrors(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("r.json");
        Files.writeString(file, "{\"caf\u00e9\": \"\ud83d\ude00\"}", StandardCharsets.UTF_8);
        assertEquals(Map.of("caf\u00e9", "\ud83d\ude00"), Json.read(file));
        assertThrows(NoSuchFileException.class, () -> Json.read(dir.resolve("missing.json")));
        Files.write(dir.resolve("bad.json"), new byte[] {'"', (byte)0xff, '"'});
        assertThrows(JacksonException.class, () -> Json.read(dir.resolve("bad.json")), "invalid UTF-8");
    }

    private static String written(final Function<OutputStream, JsonGenerator> layout, final Consumer<JsonGenerator> body)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = layout.apply(bytes))
        {
            body.accept(json);
            json.writeRaw('\n');
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
