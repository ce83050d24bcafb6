package dev.spindle.tools;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code LEVEL Logger: message}, one line: the logger's simple name says where without the package, and no
 * timestamp, since these lines share the terminal with a summary that has its own timings. The message
 * arrives escaped ({@link TerminalSafeLogging}), so it holds no line break.
 */
final class OneLineLogFormat extends Formatter
{
    private static final int MAX_CAUSES = 8;

    @Override
    public String format(final LogRecord record)
    {
        final String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        return record.getLevel().getName() + ' ' + logger.substring(logger.lastIndexOf('.') + 1) + ": "
            + record.getMessage() + System.lineSeparator();
    }

    /** An exception and its causes, {@code a: m; caused by b: n}, bounded and safe against cause cycles. */
    static String causes(final Throwable thrown)
    {
        final StringBuilder text = new StringBuilder(thrown.toString());
        final Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        visited.add(thrown);
        Throwable cause = thrown.getCause();
        for (int depth = 0; cause != null && visited.add(cause) && depth < MAX_CAUSES; depth++, cause = cause.getCause())
        {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
