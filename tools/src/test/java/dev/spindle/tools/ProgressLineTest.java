package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import dev.spindle.engine.OutcomeListener;
import dev.spindle.engine.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLineTest
{
    @TempDir
    Path base;

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicLong seen = new AtomicLong();
    private final RunTally tally = new RunTally(OutcomeListener.none());

    private ProgressLine line(final int width)
    {
        return new ProgressLine(new PrintWriter(err, true), seen::get, tally, clock::get, width);
    }

    private void succeed(final int files)
    {
        for (int i = 0; i < files; i++)
        {
            tally.onOutcome(new FileItem(), Outcome.SUCCEEDED, null, null);
        }
    }

    @Test
    void countsWhileWalkingThenABarWithEtaOnceTheTotalIsKnown()
    {
        try (ProgressLine line = line(100))
        {
            seen.set(50);
            succeed(20);
            clock.addAndGet(2_000_000_000L);
            line.render();
            assertEquals("\r50 seen  20 done  0 not ok  10 files/s", err.toString());
            seen.set(80);
            line.walkFinished(80);
            clock.addAndGet(2_000_000_000L);
            succeed(20);
            line.render();
            assertTrue(err.toString().endsWith("]  50%  40/80  10 files/s  ETA 0:04"), err.toString());
        }
        assertTrue(err.toString().endsWith(System.lineSeparator()), "closed with a line end");
    }

    @Test
    void aShorterLineErasesTheLongerOneBeforeIt()
    {
        try (ProgressLine line = line(100))
        {
            seen.set(1_000_000);
            clock.addAndGet(1_000_000_000L);
            line.render();
            final int first = err.getBuffer().length() - 1;
            seen.set(1);
            err.getBuffer().setLength(0);
            line.render();
            assertEquals(first + 1, err.getBuffer().length(), "padded with spaces to the old width: " + err);
        }
    }

    @Test
    void aRunOffATerminalPrintsNoProgressLine() throws IOException
    {
        final Path dir = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < 50; i++)
        {
            Files.writeString(dir.resolve("f" + i), "x");
        }
        final CliRun cli = CliRun.of("run", dir.toString(), "--processor", "stat");
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        assertFalse(cli.out().contains("\r") || cli.err().contains("\r"), cli.err());
        assertFalse(cli.err().contains("seen"), cli.err());
    }

    @Test
    void quietDrawsNothingEvenOnATerminal() throws IOException
    {
        final Path dir = Files.createDirectory(base.resolve("tree"));
        Files.writeString(dir.resolve("f"), "x");
        final RunCommand run = new RunCommand();
        run.interactive = () -> true;
        final CliRun cli = CliRun.with(run, "run", dir.toString(), "--no-cache", "--quiet");
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        assertEquals("", cli.err(), "no progress and no notice (the ml processor's no-model line)");
        assertTrue(cli.out().contains(": 1 files"), cli.out());
    }
}
