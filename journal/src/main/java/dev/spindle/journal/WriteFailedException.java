package dev.spindle.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output could not be written (disk full, an I/O error): its message is one line naming the file,
 * fit to print as it is. The journal's writer throws it, and the tools use it for their own outputs, so
 * the command line can tell it from an internal error and give it its own exit status.
 */
public final class WriteFailedException extends IOException
{
    private static final long serialVersionUID = 1L;

    public WriteFailedException(final Path file, final Throwable cause, final String afterwards)
    {
        super(file + ": " + WriteFailures.describe(cause) + (afterwards.isEmpty() ? "" : " (" + afterwards + ")"), cause);
    }
}
