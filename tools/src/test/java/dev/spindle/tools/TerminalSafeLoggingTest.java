package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;

/** A log line that carries a hostile name reaches the terminal escaped; a stack trace keeps its lines. */
class TerminalSafeLoggingTest
{
    private final Formatter formatter = TerminalSafeLogging.wrapping(new SimpleFormatter());

    @Test
    void aMessageStaysOnItsLineWithItsControlsEscaped()
    {
        final LogRecord record = new LogRecord(Level.WARNING, "processing {0} failed");
        record.setParameters(new Object[] {"bad\u001b[2J\nFAKE: 0 failed\u202e"});
        final String text = formatter.format(record);
        assertTrue(text.contains("processing bad\\x1b[2J\\nFAKE: 0 failed\\u202e failed"), text);
        assertFalse(text.lines().anyMatch(line -> line.startsWith("FAKE")), text);
        assertFalse(text.contains("\u001b") || text.contains("\u202e"), text);
    }

    @Test
    void aStackTraceKeepsItsLinesButNotItsControls()
    {
        final LogRecord record = new LogRecord(Level.SEVERE, "processor threw");
        record.setThrown(new IOException("/tree/x\u001b]0;owned\u0007"));
        final String text = formatter.format(record);
        assertTrue(text.lines().count() > 3, text);
        assertTrue(text.contains("java.io.IOException: /tree/x\\x1b]0;owned\\x07"), text);
        assertFalse(text.contains("\u001b") || text.contains("\u0007"), text);
    }
}
