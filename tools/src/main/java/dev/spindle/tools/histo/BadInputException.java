package dev.spindle.tools.histo;

import java.nio.file.Path;

/** An input file the histo commands cannot use, with the one line that says which and why. */
final class BadInputException extends Exception
{
    private static final long serialVersionUID = 1L;

    BadInputException(final Path file, final String reason)
    {
        super(file + ": " + reason);
    }

    BadInputException(final String message)
    {
        super(message);
    }
}
