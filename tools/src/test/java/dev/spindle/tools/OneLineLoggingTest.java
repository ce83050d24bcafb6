package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneLineLoggingTest
{
    private static final Pattern LOG_LINE = Pattern.compile("(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) [\\w$]+: .*");

    @TempDir
    Path base;

    private final Formatter formatter = TerminalSafeLogging.oneLine();

    @Test
    void aRecordIsOneLineWithItsLevelAndLoggerSimpleName()
    {
        final LogRecord record = new LogRecord(Level.INFO, "2 workers run {0}");
        record.setParameters(new Object[] {"unpinned\nFAKE"});
        record.setLoggerName("dev.spindle.engine.dispatch.CpuPinning");
        assertEquals("INFO CpuPinning: 2 workers run unpinned\\nFAKE" + System.lineSeparator(), formatter.format(record));
    }

    @Test
    void aThrownExceptionAndItsCausesStayOnTheLine()
    {
        final LogRecord record = new LogRecord(Level.WARNING, "journal write failed");
        record.setLoggerName("x");
        final IOException cause = new IOException("No space left\u001b[2J");
        record.setThrown(new IllegalStateException("append", cause));
        final String text = formatter.format(record);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("journal write failed: java.lang.IllegalStateException: append; caused by java.io.IOException: No space left\\x1b[2J"), text);
    }

    @Test
    void quietLeavesOnlyWarningsAndErrorsInTheLog() throws IOException, InterruptedException
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        Files.writeString(tree.resolve("f"), "x");
        final ChildCli child = ChildCli.start(base.resolve("logs"), "quiet", List.of("run", tree.toString(), "--workers", "4", "--no-cache", "--quiet"));
        assertEquals(ExitCodes.OK, child.exitCode(), child.err());
        assertEquals("", child.err(), "no engine INFO line, no no-model notice");
    }

    /** The real CLI in a child JVM: an engine start (CpuPinning logs) and a Chronicle journal (SLF4J). */
    @Test
    void theCliLogsOneLinePerMessageAndNoProviderWarning() throws IOException, InterruptedException
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < 20; i++)
        {
            Files.writeString(tree.resolve("f" + i), "x");
        }
        final ChildCli child = ChildCli.start(base.resolve("logs"), "run",
            List.of("run", tree.toString(), "--processor", "stat", "--workers", "4", "--journal", base.resolve("j").toString()));
        assertEquals(ExitCodes.OK, child.exitCode(), child.err());
        final String err = child.err();
        assertFalse(err.contains("SLF4J"), err);
        assertFalse(err.contains("\r"), "no progress line off a terminal: " + err);
        assertTrue(err.contains("INFO CpuPinning: ") || Runtime.getRuntime().availableProcessors() > 4,
            "4 workers on a small machine run unpinned, and the engine says so: " + err);
        for (final String line : err.lines().toList())
        {
            assertTrue(LOG_LINE.matcher(line).matches(), "not a one-line log message: " + line + "\nin\n" + err);
        }
    }
}
