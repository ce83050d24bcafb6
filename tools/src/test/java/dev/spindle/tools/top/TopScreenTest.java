package dev.spindle.tools.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.journal.JournalReader;
import dev.spindle.tools.report.EngineJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** On a terminal each frame starts with home + clear and nothing else ANSI; --json frames never carry escapes. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TopScreenTest
{
    @TempDir
    Path dir;

    @Test
    void terminalFramesRedrawTheScreenAndJsonFramesStayPlain() throws Exception
    {
        final Path journal = dir.resolve("journal");
        EngineJournal.record(journal, 500, 2_500, Duration.ofNanos(300_000), Duration.ofMillis(50), () -> false);
        final TopFrame frame = TopFrame.of(JournalReader.read(journal).runs().get(0));

        final StringWriter terminal = new StringWriter();
        final TopScreen screen = new TopScreen(new PrintWriter(terminal), "j", true, false);
        screen.show(frame);
        screen.show(frame);
        final String text = terminal.toString();
        assertTrue(text.startsWith("\u001b[H\u001b[2Jspindle top  j  run 0"), text);
        assertEquals(2, text.split("\u001b\\[", -1).length - 1 - 2, "two frames, two escapes each: " + text);

        final StringWriter json = new StringWriter();
        new TopScreen(new PrintWriter(json), "j", true, true).show(frame);
        assertTrue(json.toString().startsWith("{\"run\":0,\"ended\":true,") && !json.toString().contains("\u001b"), json.toString());
    }
}
