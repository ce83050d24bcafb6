package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal and how wide: JDK 17 answers only for stdin and stdout together
 * ({@link System#console}), so on Linux stderr's descriptor is read from /proc; elsewhere the console's answer
 * stands. The width is {@code $COLUMNS} when exported, else 80: asking the tty (stty) would cost a process per run.
 */
final class Terminal
{
    static final int DEFAULT_WIDTH = 80;

    private Terminal()
    {
    }

    static boolean stderrIsTerminal()
    {
        if (System.console() == null)
        {
            return false;
        }
        try
        {
            final String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            return true; // no /proc: trust the console
        }
    }

    static int width()
    {
        final String columns = System.getenv("COLUMNS");
        try
        {
            final int width = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns.trim());
            return width >= 20 ? width : DEFAULT_WIDTH;
        }
        catch (final NumberFormatException e)
        {
            return DEFAULT_WIDTH;
        }
    }
}
