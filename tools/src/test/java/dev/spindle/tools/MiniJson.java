package dev.spindle.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spindle.journal.json.Json;

/**
 * The tests' view of a report: {@link Json#read} (strict: duplicate names and trailing text fail), with every
 * number as a Double so assertions compare counts and figures alike. Tests about exact big numbers use
 * {@link Json#read} itself, which keeps integers as Long.
 */
final class MiniJson
{
    private MiniJson()
    {
    }

    static Object parse(final String text)
    {
        return numbersAsDoubles(Json.read(text));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final String text)
    {
        return (Map<String, Object>)parse(text);
    }

    private static Object numbersAsDoubles(final Object value)
    {
        if (value instanceof Number number)
        {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map)
        {
            final Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((name, inner) -> out.put((String)name, numbersAsDoubles(inner)));
            return out;
        }
        if (value instanceof List<?> list)
        {
            final List<Object> out = new ArrayList<>(list.size());
            list.forEach(inner -> out.add(numbersAsDoubles(inner)));
            return out;
        }
        return value;
    }
}
