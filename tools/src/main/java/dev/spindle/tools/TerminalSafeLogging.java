package dev.spindle.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log lines go to the same terminal as the summary, so they get the same escaping ({@link PathText#escape}).
 * Installed by the CLI and bench mains: one line per message ({@link OneLineLogFormat}, a thrown exception
 * folded into the line as its causal chain, no stack trace) unless the user configured JUL, at the price of
 * traces, which {@code -Djava.util.logging.config.file} brings back. {@link #wrapping} keeps any other
 * formatter's own layout and escapes its stack trace line by line.
 */
public final class TerminalSafeLogging extends Formatter
{
    /** Chronicle's INFO lines (banners, file announcements) stay quiet, as they were without an SLF4J provider. */
    private static final Logger LIBRARIES = Logger.getLogger("net.openhft");

    private final Formatter inner;
    private final boolean traces;

    private TerminalSafeLogging(final Formatter inner, final boolean traces)
    {
        this.inner = inner;
        this.traces = traces;
    }

    /** Once per process, before anything logs; a second call changes nothing. */
    public static synchronized void install()
    {
        if (System.getProperty("java.util.logging.config.file") != null || System.getProperty("java.util.logging.config.class") != null)
        {
            return;
        }
        if (LIBRARIES.getLevel() == null)
        {
            LIBRARIES.setLevel(Level.WARNING);
        }
        for (final Handler handler : Logger.getLogger("").getHandlers())
        {
            if (!(handler.getFormatter() instanceof TerminalSafeLogging))
            {
                handler.setFormatter(oneLine());
            }
        }
    }

    static Formatter oneLine()
    {
        return new TerminalSafeLogging(new OneLineLogFormat(), false);
    }

    static Formatter wrapping(final Formatter inner)
    {
        return new TerminalSafeLogging(inner, true);
    }

    @Override
    public String format(final LogRecord record)
    {
        final String message = traces || record.getThrown() == null
            ? formatMessage(record)
            : formatMessage(record) + ": " + OneLineLogFormat.causes(record.getThrown());
        final LogRecord escaped = new LogRecord(record.getLevel(), PathText.escape(message));
        escaped.setLoggerName(record.getLoggerName());
        escaped.setInstant(record.getInstant());
        escaped.setSourceClassName(record.getSourceClassName());
        escaped.setSourceMethodName(record.getSourceMethodName());
        final String text = inner.format(escaped);
        if (!traces || record.getThrown() == null)
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
