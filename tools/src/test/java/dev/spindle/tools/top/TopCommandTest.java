package dev.spindle.tools.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.journal.json.Json;
import dev.spindle.tools.report.EngineJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code spindle top} against a journal a live engine is writing in the same test: refreshed frames
 * with plausible numbers while the run goes on, exit 0 at the footer, and a clean stop on request.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TopCommandTest
{
    private static final int ITEMS = 6_000;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int top(final TopCommand command, final String... args)
    {
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void followsALiveRunAndExitsWhenItsFooterArrives() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Future<Void> engine = CompletableFuture.runAsync(() -> record(journal, ITEMS, () -> false));
        awaitDirectory(journal);

        final int code = top(new TopCommand(), journal.toString(), "--every", "0.2", "--json");
        engine.get(30, TimeUnit.SECONDS);

        assertEquals(0, code, err.toString());
        final List<String> frames = out.toString().lines().toList();
        assertTrue(frames.size() >= 4, () -> "refreshed several times during a ~2.4 s run: " + frames);
        final String last = frames.get(frames.size() - 1);
        final Map<?, ?> lastFrame = (Map<?, ?>)Json.read(last);
        assertTrue(Boolean.TRUE.equals(lastFrame.get("ended")) && Long.valueOf(ITEMS).equals(lastFrame.get("settled")), last);
        final List<String> live = frames.stream().filter(f -> Boolean.FALSE.equals(((Map<?, ?>)Json.read(f)).get("ended"))).toList();
        assertTrue(live.size() >= 2, () -> "frames while the run was going: " + frames);
        long previousSubmitted = -1;
        boolean sawThroughput = false;
        for (final String frame : live)
        {
            final long submitted = (long)number(frame, "submitted");
            assertTrue(submitted >= previousSubmitted && submitted <= ITEMS, frame);
            previousSubmitted = submitted;
            final double utilization = number(frame, "utilization");
            assertTrue(utilization >= 0 && utilization <= 1.05, frame);
            final double rate = number(frame, "completed_per_s");
            assertTrue(rate >= 0 && rate < 20_000, "about 2,500 items/s offered: " + frame);
            sawThroughput |= rate > 500 && number(frame, "p99_ns") > 0;
            final List<?> workers = (List<?>)((Map<?, ?>)Json.read(frame)).get("worker_utilization");
            assertTrue(!workers.isEmpty(), frame);
            for (final Object share : workers)
            {
                assertTrue(((Number)share).doubleValue() >= 0 && ((Number)share).doubleValue() <= 1.05, frame);
            }
        }
        assertTrue(sawThroughput, () -> "some live frame shows the run's throughput and a p99: " + live);
    }

    @Test
    void plainFramesAreAppendedAndReadable() throws Exception
    {
        final Path journal = dir.resolve("journal");
        record(journal, 1_000, () -> false);

        final int code = top(new TopCommand(), journal.toString(), "--plain");

        assertEquals(0, code, err.toString());
        final String text = out.toString();
        assertTrue(!text.contains("\u001b["), "no ANSI when not on a terminal");
        assertTrue(text.startsWith("spindle top  " + journal + "  run 0") && text.contains("ENDED"), text);
        assertTrue(text.contains("1,000 submitted  1,000 settled  0 in flight"), text);
        assertTrue(text.contains("  worker 0   [") && text.contains("  worker 1   ["), text);
        assertTrue(text.contains("tuner      "), text);
    }

    @Test
    void stopEndsTheWatchCleanlyWhileTheRunGoesOn() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final AtomicBoolean enough = new AtomicBoolean();
        final Future<Void> engine = CompletableFuture.runAsync(() -> record(journal, Integer.MAX_VALUE, enough::get));
        awaitDirectory(journal);
        final TopCommand command = new TopCommand();
        final Future<Integer> watching = CompletableFuture.supplyAsync(() -> top(command, journal.toString(), "--every", "0.1", "--plain"));
        try
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(out.toString(), "running\n") < 2 && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            assertTrue(count(out.toString(), "running\n") >= 2, out::toString);
            command.stop();
            assertEquals(0, watching.get(5, TimeUnit.SECONDS), err.toString());
            assertTrue(out.toString().endsWith("spindle top: stopped\n"), out::toString);
            assertTrue(!out.toString().contains("ENDED"), "stopped before the run ended");
        }
        finally
        {
            enough.set(true);
            engine.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void badInputIsOneLineAndExitThree()
    {
        final int code = top(new TopCommand(), dir.resolve("nothing-here").toString(), "--every", "0.1");
        assertEquals(3, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("top: "), err.toString());
    }

    @Test
    void usageErrorsExitTwoAndHelpExitsZero()
    {
        assertEquals(2, top(new TopCommand()), "JOURNAL is required");
        assertEquals(2, top(new TopCommand(), dir.toString(), "--every", "0"), "--every out of range");
        assertEquals(0, top(new TopCommand(), "--help"));
        assertTrue(out.toString().contains("--every") && out.toString().contains("Exit status"), out.toString());
    }

    private static void record(final Path journal, final int items, final BooleanSupplier stop)
    {
        try
        {
            EngineJournal.record(journal, items, 2_500, Duration.ofNanos(300_000), Duration.ofMillis(100), stop);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** top watches an engine that is already running: its journal directory exists, maybe not yet its files. */
    private static void awaitDirectory(final Path journal) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.isDirectory(journal) && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
    }

    /** A top-level figure of a --json frame; NaN where the frame has null. */
    private static double number(final String json, final String name)
    {
        final Map<?, ?> frame = (Map<?, ?>)Json.read(json);
        assertTrue(frame.containsKey(name), () -> name + " in " + json);
        return frame.get(name) == null ? Double.NaN : ((Number)frame.get(name)).doubleValue();
    }

    private static int count(final String text, final String part)
    {
        final List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1))
        {
            at.add(i);
        }
        return at.size();
    }
}
