package dev.spindle.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, with the named switches taking no value; comma lists. */
final class Options
{
    private Options()
    {
    }

    static Map<String, String> parse(final String[] args, final String... switches)
    {
        final Set<String> flags = Set.of(switches);
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options are --name [value]");
            }
            final String name = args[i].substring(2);
            if (flags.contains(name))
            {
                options.put(name, "true");
            }
            else if (i + 1 < args.length)
            {
                options.put(name, args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return options;
    }

    static List<String> list(final String csv)
    {
        final List<String> names = new ArrayList<>();
        for (final String s : csv.split(","))
        {
            if (!s.isBlank())
            {
                names.add(s.trim());
            }
        }
        return names;
    }
}
