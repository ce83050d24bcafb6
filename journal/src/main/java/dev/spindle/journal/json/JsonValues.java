package dev.spindle.journal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * Plain Java values to and from Jackson's token streams: the reports that are built as maps and lists, and
 * the readers (tests, the bench) that want a whole document. jackson-databind would do this too, at 1.7 MB and
 * reflection; these few types are all the reports hold.
 */
final class JsonValues
{
    private JsonValues()
    {
    }

    static void write(final JsonGenerator json, final Object value)
    {
        if (value == null)
        {
            json.writeNull();
        }
        else if (value instanceof Map<?, ?> map)
        {
            json.writeStartObject();
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                json.writeName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        }
        else if (value instanceof Iterable<?> list)
        {
            json.writeStartArray();
            for (final Object element : list)
            {
                write(json, element);
            }
            json.writeEndArray();
        }
        else if (value instanceof double[] numbers)
        {
            json.writeStartArray();
            for (final double number : numbers)
            {
                json.writeNumber(number);
            }
            json.writeEndArray();
        }
        else if (value instanceof Double || value instanceof Float)
        {
            json.writeNumber(((Number)value).doubleValue());
        }
        else if (value instanceof BigDecimal number)
        {
            json.writeNumber(number);
        }
        else if (value instanceof BigInteger number)
        {
            json.writeNumber(number);
        }
        else if (value instanceof Number number)
        {
            json.writeNumber(number.longValue());
        }
        else if (value instanceof Boolean flag)
        {
            json.writeBoolean(flag);
        }
        else
        {
            json.writeString(value.toString());
        }
    }

    /** The one value a document holds; anything after it is an error. */
    static Object readDocument(final JsonParser parser)
    {
        final Object value = read(parser, parser.nextToken());
        final JsonToken after = parser.nextToken();
        if (after != null)
        {
            throw new StreamReadException(parser, "trailing " + after + " after the document's value");
        }
        return value;
    }

    private static Object read(final JsonParser parser, final JsonToken token)
    {
        if (token == null)
        {
            throw new StreamReadException(parser, "no JSON value");
        }
        switch (token)
        {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                return readArray(parser);
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue() : Long.valueOf(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new StreamReadException(parser, "unexpected " + token);
        }
    }

    private static Map<String, Object> readObject(final JsonParser parser)
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName())
        {
            map.put(name, read(parser, parser.nextToken()));
        }
        return map;
    }

    private static List<Object> readArray(final JsonParser parser)
    {
        final List<Object> list = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken())
        {
            list.add(read(parser, next));
        }
        return list;
    }
}
