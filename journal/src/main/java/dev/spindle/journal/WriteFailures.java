package dev.spindle.journal;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a failed write into the few words an operator needs: disk full, an I/O error, or a fault in a
 * memory-mapped file (how Chronicle's writes to a full tmpfs surface: a SIGBUS becomes an InternalError).
 * Matches the OS's own messages (strerror text), the only portable trace of errno the JDK leaves.
 */
public final class WriteFailures
{
    private WriteFailures()
    {
    }

    /** Whether the failure is the disk's (full, an I/O error, a mapped write's fault) rather than bad data or a bug. */
    public static boolean diskError(final Throwable failure)
    {
        final String text = describe(failure);
        return text.equals("disk full") || text.equals("I/O error") || text.startsWith("a write to the memory-mapped file");
    }

    /** One line: what went wrong, without a class name or stack. */
    public static String describe(final Throwable failure)
    {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause())
        {
            final String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded"))
            {
                return "disk full";
            }
            if (message.contains("Input/output error"))
            {
                return "I/O error";
            }
            if (t instanceof InternalError && message.contains("unsafe memory access"))
            {
                return "a write to the memory-mapped file faulted (disk full or I/O error)";
            }
        }
        final Throwable cause = failure instanceof UncheckedIOException && failure.getCause() != null ? failure.getCause() : failure;
        final String message = String.valueOf(cause.getMessage()).strip();
        final int newline = message.indexOf('\n');
        final String line = newline < 0 ? message : message.substring(0, newline);
        return cause instanceof IOException ? line : cause.getClass().getSimpleName() + ": " + line;
    }
}
