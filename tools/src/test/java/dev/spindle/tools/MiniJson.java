package dev.spindle.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for tests: proves the reports are valid JSON without a JSON dependency.
 * Objects become LinkedHashMaps, arrays Lists, numbers Doubles; anything malformed throws.
 */
final class MiniJson
{
    private final String text;
    private int pos;

    private MiniJson(final String text)
    {
        this.text = text;
    }

    static Object parse(final String text)
    {
        final MiniJson parser = new MiniJson(text);
        final Object value = parser.value();
        parser.whitespace();
        if (parser.pos != text.length())
        {
            throw parser.error("trailing text");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final String text)
    {
        return (Map<String, Object>)parse(text);
    }

    private Object value()
    {
        whitespace();
        if (pos >= text.length())
        {
            throw error("unexpected end");
        }
        final char c = text.charAt(pos);
        switch (c)
        {
            case '{':
                return objectValue();
            case '[':
                return arrayValue();
            case '"':
                return stringValue();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return numberValue();
        }
    }

    private Map<String, Object> objectValue()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        whitespace();
        if (peek() == '}')
        {
            pos++;
            return map;
        }
        while (true)
        {
            whitespace();
            if (peek() != '"')
            {
                throw error("expected a name");
            }
            final String name = stringValue();
            whitespace();
            expect(':');
            if (map.put(name, value()) != null)
            {
                throw error("duplicate name " + name);
            }
            whitespace();
            if (peek() == ',')
            {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> arrayValue()
    {
        final List<Object> list = new ArrayList<>();
        pos++;
        whitespace();
        if (peek() == ']')
        {
            pos++;
            return list;
        }
        while (true)
        {
            list.add(value());
            whitespace();
            if (peek() == ',')
            {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String stringValue()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            if (pos >= text.length())
            {
                throw error("unterminated string");
            }
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                return out.toString();
            }
            if (c < 0x20)
            {
                throw error("raw control character in string");
            }
            if (c != '\\')
            {
                out.append(c);
                continue;
            }
            final char e = text.charAt(pos++);
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    out.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default:
                    throw error("bad escape \\" + e);
            }
        }
    }

    private Double numberValue()
    {
        final int start = pos;
        if (peek() == '-')
        {
            pos++;
        }
        if (peek() == '0')
        {
            pos++;
        }
        else
        {
            digits();
        }
        if (peek() == '.')
        {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E')
        {
            pos++;
            if (peek() == '+' || peek() == '-')
            {
                pos++;
            }
            digits();
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private void digits()
    {
        final int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)))
        {
            pos++;
        }
        if (pos == start)
        {
            throw error("expected digits");
        }
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, pos))
        {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void whitespace()
    {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
    }

    private char peek()
    {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(final String message)
    {
        return new IllegalArgumentException(message + " at " + pos + ": "
            + text.substring(Math.max(0, pos - 20), Math.min(text.length(), pos + 20)));
    }
}
