package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import dev.spindle.engine.BatchProcessor;
import dev.spindle.engine.Outcome;
import dev.spindle.tools.ml.ContentKind;
import dev.spindle.tools.ml.FileResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in-process on a hostile tree: every entry's exact outcome, JSON counts that add up,
 * exit codes 0/2/3 and the progress line's rate. Every run is under a preemptive time limit.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RunCommandTest
{
    record Seen(Outcome outcome, Object result, String reason)
    {
    }

    @TempDir
    Path base;

    /** The same contract for both processors: exact outcomes and reasons, and what each learns of a file. */
    @ParameterizedTest
    @ValueSource(strings = {"stat", "ml"})
    void everyHostileEntryEndsInExactlyOneExpectedOutcome(final String processor) throws Exception
    {
        try (HostileTree tree = new HostileTree(base))
        {
            final Map<String, Seen> seen = new ConcurrentHashMap<>();
            final List<String> duplicates = new ArrayList<>();
            final RunCommand run = new RunCommand();
            run.observer = (item, outcome, result, reason) ->
            {
                if (seen.put(tree.relative(item.key()), new Seen(outcome, result, item.skipped() ? "skipped: " + item.skipReason() : reason)) != null)
                {
                    duplicates.add(item.key());
                }
            };
            run.processorDecorator = deleting(HostileTree.VANISHING);
            final Path json = base.resolve("report.json");

            final CliRun cli = CliRun.with(run, "run", tree.root.toString(), "--processor", processor, "--no-cache", "--workers", "2",
                "--json", json.toString());

            assertEquals(ExitCodes.INCOMPLETE, cli.exitCode(), cli.out() + cli.err());
            assertEquals(processor.equals("ml") ? "spindle run: no --model given: files get embeddings and analysis but no categories\n" : "",
                cli.err(), "no progress line without a terminal, no stack traces; the ml processor says once that it has no model");
            assertEquals(List.of(), duplicates, "an item had two outcomes");
            assertEquals(tree.expected.keySet(), seen.keySet());
            for (final Map.Entry<String, HostileTree.Expected> entry : tree.expected.entrySet())
            {
                final HostileTree.Expected want = entry.getValue();
                final Seen got = seen.get(entry.getKey());
                assertEquals(want.outcome(), got.outcome(), entry.getKey() + ": " + got);
                assertEquals(want.reason(), got.reason(), entry.getKey());
                if (want.stats() != null)
                {
                    assertEquals(want.stats(), asStats(got.result()), entry.getKey());
                }
            }

            final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
            final long files = tree.expected.size();
            assertEquals(files, number(report, "files_seen"));
            assertEquals(files, number(report, "submitted"));
            assertEquals(tree.count(Outcome.SUCCEEDED), number(report, "succeeded"));
            assertEquals(tree.count(Outcome.FAILED), number(report, "failed"));
            assertEquals(tree.skipped(), number(report, "skipped"));
            assertEquals(0, number(report, "skipped_not_listed"));
            assertEquals(0, number(report, "rejected"));
            assertEquals(0, number(report, "timed_out"));
            assertEquals(files, number(report, "succeeded") + number(report, "failed") + number(report, "rejected")
                + number(report, "timed_out") + number(report, "skipped"));
            assertEquals(2, number(report, "workers"));
            assertTrue(number(report, "batches") >= 1);
            for (final String key : List.of("wall_ms", "utilization", "mean_batch_items", "items_per_second"))
            {
                assertTrue(report.get(key) instanceof Double, key);
            }
            @SuppressWarnings("unchecked")
            final Map<String, Object> e2e = (Map<String, Object>)report.get("e2e_us");
            assertEquals(List.of("p50", "p99", "p999", "max"), new ArrayList<>(e2e.keySet()));

            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> failures = (List<Map<String, Object>>)report.get("failures");
            assertEquals(files - tree.count(Outcome.SUCCEEDED) - tree.skipped(), failures.size());
            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> skips = (List<Map<String, Object>>)report.get("skipped_entries");
            final Map<String, String> skipReasons = new HashMap<>();
            skips.forEach(skip -> skipReasons.put(tree.relative((String)skip.get("path")), "skipped: " + skip.get("reason")));
            final Map<String, String> reasons = new HashMap<>();
            for (final Map<String, Object> failure : failures)
            {
                reasons.put(tree.relative((String)failure.get("path")), (String)failure.get("reason"));
                assertEquals("FAILED", failure.get("outcome"));
            }
            tree.expected.forEach((name, want) ->
            {
                if (want.skipped())
                {
                    assertEquals(want.reason(), skipReasons.get(name), name);
                }
                else if (want.outcome() != Outcome.SUCCEEDED)
                {
                    assertEquals(want.reason(), reasons.get(name), name);
                }
            });
            if (Shell.has("mkfifo"))
            {
                final Map<String, Object> badName = failures.stream()
                    .filter(f -> ((String)f.get("path")).endsWith("fifo\uFFFD")).findFirst().orElseThrow();
                assertNotNull(badName.get("path_uri"), "a lossy name carries its raw bytes as a URI");
                assertTrue(((String)badName.get("path_uri")).endsWith("/tree/fifo%FF"), badName.toString());
            }

            assertTrue(cli.out().contains(": " + files + " files"), cli.out());
            assertTrue(cli.out().contains(tree.count(Outcome.SUCCEEDED) + " succeeded, " + tree.count(Outcome.FAILED) + " failed, 0 rejected, 0 timed out, "
                + tree.skipped() + " skipped"), cli.out());
            assertTrue(cli.out().contains("e2e (us)   p50 "), cli.out());
        }
    }

    /** The stat processor's view of what either processor returned for a file. */
    private static FileStats asStats(final Object result)
    {
        if (result instanceof FileResult ml)
        {
            return new FileStats(ml.analysis().bytes(), ml.analysis().lines(), HexFormat.of().formatHex(ml.contentHash()),
                ml.analysis().kind() == ContentKind.BINARY);
        }
        return (FileStats) result;
    }

    /** Deletes the named file when its batch reaches the processor: after the walk saw it, before it is read. */
    private static UnaryOperator<BatchProcessor<FileItem>> deleting(final String name)
    {
        return inner -> batch ->
        {
            for (int i = 0; i < batch.size(); i++)
            {
                final FileItem item = batch.item(i);
                if (item.path() != null && item.path().getFileName().toString().equals(name))
                {
                    Files.deleteIfExists(item.path());
                }
            }
            inner.process(batch);
        };
    }

    @Test
    void aCleanTreeExitsZero() throws IOException
    {
        final Path dir = Files.createDirectories(base.resolve("clean/a/b"));
        for (int i = 0; i < 100; i++)
        {
            Files.writeString(dir.resolve("f" + i), "line\n".repeat(i));
        }
        final Path json = base.resolve("clean.json");
        final CliRun cli = CliRun.of("run", base.resolve("clean").toString(), "--json", json.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final Map<String, Object> report = MiniJson.object(Files.readString(json));
        assertEquals(100, number(report, "files_seen"));
        assertEquals(100, number(report, "succeeded"));
        assertEquals(List.of(), report.get("failures"));
        assertFalse(cli.out().contains("not succeeded"), cli.out());
    }

    @Test
    void anEmptyDirectoryExitsZeroWithZeroFiles() throws IOException
    {
        final Path empty = Files.createDirectory(base.resolve("empty"));
        final Path json = base.resolve("empty.json");
        final CliRun cli = CliRun.of("run", empty.toString(), "--json", json.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final Map<String, Object> report = MiniJson.object(Files.readString(json));
        assertEquals(0, number(report, "files_seen"));
        assertEquals(0, number(report, "submitted"));
    }

    @Test
    void workersOptionSizesThePool() throws IOException
    {
        final Path dir = Files.createDirectory(base.resolve("w"));
        Files.writeString(dir.resolve("one"), "1");
        final Path json = base.resolve("w.json");
        final CliRun cli = CliRun.of("run", dir.toString(), "--workers", "3", "--json", json.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        assertEquals(3, number(MiniJson.object(Files.readString(json)), "workers"));
        assertTrue(cli.out().contains("of 3 workers"), cli.out());
    }

    @Test
    void aSymlinkedDirIsWalkedThroughItsTarget() throws IOException
    {
        final Path real = Files.createDirectory(base.resolve("real"));
        Files.writeString(real.resolve("f"), "x\n");
        final Path link = Files.createSymbolicLink(base.resolve("link"), real);
        final CliRun cli = CliRun.of("run", link.toString());
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        assertTrue(cli.out().contains(": 1 files"), cli.out());
    }

    @Test
    void progressLineIsRedrawnAtMostFourTimesASecondNeverPerFile() throws IOException
    {
        final Path dir = Files.createDirectory(base.resolve("many"));
        final int files = 600;
        for (int i = 0; i < files; i++)
        {
            Files.writeString(dir.resolve("f" + i), "x");
        }
        final RunCommand run = new RunCommand();
        run.interactive = () -> true;
        run.processorDecorator = inner -> batch ->
        {
            Thread.sleep(2L * batch.size());
            inner.process(batch);
        };
        final long start = System.nanoTime();
        final CliRun cli = CliRun.with(run, "run", dir.toString(), "--workers", "2");
        final long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final long redraws = cli.err().chars().filter(c -> c == '\r').count();
        assertTrue(redraws >= 1, cli.err());
        assertTrue(redraws <= elapsedMillis / ProgressLine.PERIOD_MILLIS + 2,
            redraws + " redraws in " + elapsedMillis + " ms");
        assertTrue(redraws < files / 10, "redrawn per file?");
        assertTrue(cli.err().endsWith("\n"), "the progress line is ended before the summary");
        final String last = cli.err().substring(cli.err().lastIndexOf('\r') + 1);
        assertTrue(last.contains("100%  " + files + "/" + files + " "), "once walked, a bar: " + last);
    }

    @Test
    void helpGoesToStdoutAndExitsZero()
    {
        final CliRun cli = CliRun.of("run", "--help");
        assertEquals(ExitCodes.OK, cli.exitCode());
        assertTrue(cli.out().contains("Usage: spindle run"), cli.out());
        assertTrue(cli.out().contains("--workers=N"), cli.out());
        assertEquals("", cli.err());
    }

    @Test
    void everyCommandIsListedAndEachParsesOnItsOwn()
    {
        final CliRun all = CliRun.of("--help");
        assertEquals(ExitCodes.OK, all.exitCode());
        final List<String> names = List.of("run", "journal", "resume", "replay", "train", "evaluate", "histo", "report", "top", "kafka");
        for (final String name : names)
        {
            assertTrue(all.out().contains("  " + name + " ") || all.out().contains("  " + name + "\n"), name + " listed: " + all.out());
            final CliRun one = CliRun.of(name, "--help");
            assertEquals(ExitCodes.OK, one.exitCode(), name + ": " + one.err());
            assertTrue(one.out().contains("Usage: spindle " + name), one.out());
        }
        assertEquals(names.size(), SpindleCli.commandLine(new RunCommand(), new String[0]).getSubcommands().size());
        assertEquals(List.of("run"), List.copyOf(SpindleCli.commandLine(new RunCommand(), new String[] {"run", "x"}).getSubcommands().keySet()),
            "a run models only run (picocli reflects over every command it is given)");
    }

    @Test
    void theMBeanIsPublishedOnlyWithJmx() throws Exception
    {
        final Path dir = Files.createDirectory(base.resolve("jmx-tree"));
        Files.writeString(dir.resolve("a.txt"), "a");
        final javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        final javax.management.ObjectName pattern = new javax.management.ObjectName("dev.spindle:type=Spindle,*");
        for (final boolean jmx : new boolean[] {false, true})
        {
            final java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger(-1);
            final RunCommand run = new RunCommand();
            run.observer = (item, outcome, result, reason) -> seen.set(server.queryNames(pattern, null).size());
            final List<String> args = new java.util.ArrayList<>(List.of("run", dir.toString(), "--processor", "stat"));
            if (jmx)
            {
                args.add("--jmx");
            }
            final CliRun cli = CliRun.with(run, args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, cli.exitCode(), cli.err());
            assertEquals(jmx ? 1 : 0, seen.get(), "MBeans while the run lasted, --jmx " + jmx);
            assertEquals(0, server.queryNames(pattern, null).size(), "unregistered on close");
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLineOnStderr() throws IOException
    {
        final Path file = Files.writeString(base.resolve("a-file"), "x");
        final Path dir = Files.createDirectory(base.resolve("dir"));
        final Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of(), "spindle: missing COMMAND");
        cases.put(List.of("frobnicate"), "spindle: Unmatched argument");
        cases.put(List.of("run"), "spindle run: Missing required parameter: 'DIR'");
        cases.put(List.of("run", base.resolve("missing").toString()), "spindle run: no such directory: ");
        cases.put(List.of("run", file.toString()), "spindle run: not a directory: ");
        cases.put(List.of("run", dir.toString(), "--workers", "0"), "spindle run: --workers must be between 1 and 1024, was 0");
        cases.put(List.of("run", dir.toString(), "--workers", "many"), "spindle run: Invalid value for option '--workers'");
        cases.put(List.of("run", dir.toString(), "--bogus"), "spindle run: Unknown option: '--bogus'");
        cases.put(List.of("run", dir.toString(), "--json", base.resolve("nope/r.json").toString()), "spindle run: --json: no such directory: ");
        cases.put(List.of("run", dir.toString(), "--json", dir.toString()), "spindle run: --json names a directory: ");
        cases.forEach((args, start) ->
        {
            final CliRun cli = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, cli.exitCode(), args + ": " + cli.err());
            assertEquals("", cli.out(), args.toString());
            assertTrue(cli.err().startsWith(start), args + " printed: " + cli.err());
            assertEquals(1, cli.err().lines().count(), args + " printed: " + cli.err());
            assertTrue(cli.err().endsWith("\n"), args.toString());
        });
    }

    private static long number(final Map<String, Object> report, final String key)
    {
        final Object value = report.get(key);
        assertTrue(value instanceof Double, key + " = " + value);
        final double number = (Double)value;
        assertEquals(Math.rint(number), number, key + " is not integral");
        return (long)number;
    }
}
