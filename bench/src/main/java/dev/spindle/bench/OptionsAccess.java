package dev.spindle.bench;

import java.util.Map;

/** {@link Options} for the bench's subpackages. */
public final class OptionsAccess
{
    private OptionsAccess()
    {
    }

    public static Map<String, String> parse(final String[] args)
    {
        return Options.parse(args);
    }
}
