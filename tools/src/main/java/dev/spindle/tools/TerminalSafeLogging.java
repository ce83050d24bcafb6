package dev.spindle.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log lines go to the same terminal as the summary, so they get the same escaping ({@link PathText#escape}):
 * the message whole (a newline in a name stays on its line), a stack trace line by line after the record
 * (it keeps its own line breaks, wherever the format placed it). Only the root handlers' formatters are
 * wrapped, and only when the user has not configured logging.
 */
final class TerminalSafeLogging extends Formatter
{
    private final Formatter inner;

    private TerminalSafeLogging(final Formatter inner)
    {
        this.inner = inner;
    }

    static void install()
    {
        if (System.getProperty("java.util.logging.config.file") != null || System.getProperty("java.util.logging.config.class") != null)
        {
            return;
        }
        for (final Handler handler : Logger.getLogger("").getHandlers())
        {
            if (handler.getFormatter() != null && !(handler.getFormatter() instanceof TerminalSafeLogging))
            {
                handler.setFormatter(new TerminalSafeLogging(handler.getFormatter()));
            }
        }
    }

    static Formatter wrapping(final Formatter inner)
    {
        return new TerminalSafeLogging(inner);
    }

    @Override
    public String format(final LogRecord record)
    {
        final LogRecord escaped = new LogRecord(record.getLevel(), PathText.escape(formatMessage(record)));
        escaped.setLoggerName(record.getLoggerName());
        escaped.setInstant(record.getInstant());
        escaped.setSourceClassName(record.getSourceClassName());
        escaped.setSourceMethodName(record.getSourceMethodName());
        final String text = inner.format(escaped);
        if (record.getThrown() == null)
        {
            return text;
        }
        final StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        final StringBuilder out = new StringBuilder(text.length() + trace.getBuffer().length() + 64).append(text);
        trace.toString().lines().forEach(line -> out.append(PathText.escape(line)).append(System.lineSeparator()));
        return out.toString();
    }
}
