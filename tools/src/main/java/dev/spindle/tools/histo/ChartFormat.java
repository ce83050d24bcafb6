package dev.spindle.tools.histo;

import java.nio.file.Path;
import java.util.Locale;

/** What {@code plot --out} writes, from the file name's extension. */
enum ChartFormat
{
    PNG, SVG, HTML;

    /** The format for {@code out}, or null when its extension is none of .png, .svg, .html (.htm). */
    static ChartFormat of(final Path out)
    {
        final String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png"))
        {
            return PNG;
        }
        if (name.endsWith(".svg"))
        {
            return SVG;
        }
        if (name.endsWith(".html") || name.endsWith(".htm"))
        {
            return HTML;
        }
        return null;
    }
}
