package dev.spindle.tools;

import java.io.IOError;
import java.nio.file.Path;

/**
 * Renders paths for people and reports. The JVM decodes file names it cannot map with U+FFFD, so
 * the text is lossy exactly when it holds one; then the file: URI (built from the raw name bytes) is
 * the faithful name. A file really named with U+FFFD just gets a redundant URI.
 */
final class PathText
{
    private static final char REPLACEMENT = '\uFFFD';

    private PathText()
    {
    }

    static String display(final Path path)
    {
        return path == null ? "" : path.toString();
    }

    /** The percent-encoded file: URI when {@link #display} is lossy, else null. */
    static String uriIfLossy(final Path path)
    {
        if (path == null || path.toString().indexOf(REPLACEMENT) < 0)
        {
            return null;
        }
        try
        {
            return path.toUri().toASCIIString();
        }
        catch (final IOError | RuntimeException e)
        {
            return null;
        }
    }
}
