package dev.spindle.journal.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Every JSON Spindle writes or reads goes through Jackson's streaming core configured here, so one set of
 * rules holds everywhere (tools/README.md, "JSON"): UTF-8; control characters, DEL, C1 controls, U+2028/2029
 * and lone surrogates as \\u escapes; NaN and infinities as null; other doubles as the shortest
 * decimal that reads back to the same double, never in exponent form. Three layouts share the rules:
 * {@link #compact} (one line, no spaces), {@link #line} (one line with ", " and ": ", a JSON Lines entry) and
 * {@link #document} (each entry of the top level on a line of its own, for files people open). Jackson reports
 * I/O failures as an unchecked {@code JacksonIOException} whose cause is the {@link IOException}.
 */
public final class Json
{
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .characterEscapes(new TerminalSafeEscapes())
        .rootValueSeparator("")
        .build();

    private Json()
    {
    }

    /** {"a":1,"b":[1,2]} */
    public static JsonGenerator compact(final OutputStream out)
    {
        return generator(out, null);
    }

    /** {"a": 1, "b": [1, 2]}: end each entry with {@code writeRaw('\n')}. */
    public static JsonGenerator line(final OutputStream out)
    {
        return generator(out, new SpacedLayout(false));
    }

    /** A line per entry of the top-level value and per element of an array in it; anything deeper stays on its entry's line. */
    public static JsonGenerator document(final OutputStream out)
    {
        return generator(out, new SpacedLayout(true));
    }

    /** Maps (keys as strings), iterables, double[], numbers, booleans, null and anything else as its toString, compact. */
    public static String write(final Object value)
    {
        return write(json -> JsonValues.write(json, value));
    }

    /** What {@code body} writes to a {@link #compact} generator, as a string. */
    public static String write(final Consumer<JsonGenerator> body)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = compact(bytes))
        {
            body.accept(json);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * One JSON value, strictly (duplicate names, trailing text and raw control characters are errors, thrown as
     * Jackson's unchecked {@code StreamReadException}): objects as LinkedHashMaps, arrays as Lists, integers as
     * Long (BigInteger past its range), other numbers as Double.
     */
    public static Object read(final String text)
    {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text))
        {
            return JsonValues.readDocument(parser);
        }
    }

    public static Object read(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), in))
        {
            return JsonValues.readDocument(parser);
        }
        catch (final JacksonIOException e)
        {
            throw e.getCause();
        }
    }

    private static JsonGenerator generator(final OutputStream out, final PrettyPrinter layout)
    {
        final ObjectWriteContext context = new ObjectWriteContext.Base()
        {
            @Override
            public PrettyPrinter getPrettyPrinter()
            {
                return layout;
            }

            @Override
            public boolean hasPrettyPrinter()
            {
                return layout != null;
            }
        };
        return new PlainNumbersGenerator(FACTORY.createGenerator(context, out));
    }
}
