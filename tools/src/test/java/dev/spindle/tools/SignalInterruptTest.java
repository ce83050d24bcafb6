package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.spindle.engine.Outcome;
import dev.spindle.journal.JournalContents;
import dev.spindle.journal.JournalException;
import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals to the real command line in child JVMs, mid-run on generated trees: a first SIGINT/SIGTERM
 * drains, reports (summary, JSON, closed outputs, a journal footer saying "interrupted") and exits 130/143,
 * and {@code resume} then finishes exactly the files not yet processed; a second signal stops at once and
 * leaves a journal that resumes like a crashed one. A run counts as started when its journal shows outcomes,
 * never after a fixed sleep.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SignalInterruptTest
{
    /** Many more files than the gated children's ring holds, so a run held at its gate is still walking. */
    private static final int BIG_TREE = 5_000;
    private static final int SLOW_TREE = 2_000;

    @TempDir
    Path base;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void noChildOutlivesItsTest()
    {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    /** The real CLI ({@code SpindleCli.main}) in a child JVM; the ML cache kept under {@code base}. */
    private Child cli(final String... args) throws IOException
    {
        return Child.start(children, base, SpindleCli.class.getName(), List.of("-Dspindle.cache.dir=" + base.resolve("cache")), args);
    }

    /** The CLI in a child JVM with a processor slowed to 5 ms an item ({@link SlowRunMain}). */
    private Child slow(final String... args) throws IOException
    {
        return Child.start(children, base, SlowRunMain.class.getName(), List.of("-Dslow.micros=5000"), args);
    }

    /**
     * The CLI in a child JVM ({@link SlowRunMain}, full speed) that holds still after its first outcomes until
     * {@code gate} exists, with a ring small enough that the walk cannot finish meanwhile: a signal sent while it
     * holds lands mid-walk however loaded the machine is.
     */
    private Child gated(final Path gate, final String... args) throws IOException
    {
        return Child.start(children, base, SlowRunMain.class.getName(), List.of("-Dslow.micros=0", "-Dslow.ring=1024", "-Dslow.gate=" + gate),
            args);
    }

    @Test
    void ctrlCDrainsAndReportsThenSigtermInterruptsTheResumeThenAResumeFinishesExactlyTheRest() throws Exception
    {
        final Path tree = tree(BIG_TREE);
        final Path journal = base.resolve("journal");
        final Path out = base.resolve("out");
        final Path json = base.resolve("run.json");

        final Path gate = base.resolve("gate-run");
        final Child run = gated(gate, "run", tree.toString(), "--workers", "2", "--journal", journal.toString(), "--out", out.toString(),
            "--json", json.toString());
        run.awaitOutcomes(journal, SlowRunMain.GATE_AFTER);
        run.signal("INT");
        run.awaitStderr("stopped walking");
        Files.createFile(gate);
        assertEquals(ExitCodes.INTERRUPTED_SIGINT, run.exit(), run::output);
        assertTrue(run.out().contains("INTERRUPTED by SIGINT"), run::output);
        assertTrue(run.out().contains("'spindle resume " + journal + "' finishes the rest"), run::output);
        assertTrue(run.err().contains("SIGINT: stopped walking"), run::output);

        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        assertEquals(Boolean.TRUE, report.get("interrupted"));
        assertEquals("SIGINT", report.get("signal"));
        final long seen = balancedFilesSeen(report);
        assertTrue(seen > 0 && seen < BIG_TREE, () -> "interrupted mid-walk, saw " + seen);
        outputsAreWhole(out, seen, report);

        final Verification interrupted = verified(journal);
        assertEquals(0, interrupted.unclosedRuns(), "an interrupted run closes its journal");
        assertEquals(RunInterruption.SIGINT, interrupted.lastRunInterruptedBy());
        assertEquals(seen, interrupted.submitted());
        assertTrue(interrupted.inFlight().isEmpty(), () -> "in flight: " + interrupted.inFlight().size());
        assertEquals(count(report, "rejected"), interrupted.notStarted().size());
        final CliRun verify = CliRun.of("journal", "verify", journal.toString(), "--require-complete");
        assertEquals(ExitCodes.JOURNAL_INCOMPLETE, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("interrupted") && !verify.out().contains("did not close"), verify.out());

        final Path resumeJson = base.resolve("resume.json");
        final Path resumeGate = base.resolve("gate-resume");
        final Child resume = gated(resumeGate, "resume", journal.toString(), "--workers", "2", "--json", resumeJson.toString());
        resume.awaitOutcomes(journal, seen + SlowRunMain.GATE_AFTER);
        resume.signal("TERM");
        resume.awaitStderr("stopped walking");
        Files.createFile(resumeGate);
        assertEquals(ExitCodes.INTERRUPTED_SIGTERM, resume.exit(), resume::output);
        assertTrue(resume.out().contains("INTERRUPTED by SIGTERM"), resume::output);
        final Map<String, Object> resumed = MiniJson.object(Files.readString(resumeJson, StandardCharsets.UTF_8));
        assertEquals("SIGTERM", resumed.get("signal"));
        final long resumedSeen = balancedFilesSeen(resumed);
        final Verification twice = verified(journal);
        assertEquals(2, twice.runs());
        assertEquals(0, twice.unclosedRuns());
        assertEquals(RunInterruption.SIGTERM, twice.lastRunInterruptedBy());
        assertTrue(twice.submitted() < BIG_TREE, () -> "the resume was interrupted mid-walk, " + twice.submitted() + " submitted");

        final Path lastJson = base.resolve("last.json");
        final Child last = cli("resume", journal.toString(), "--workers", "2", "--json", lastJson.toString());
        assertEquals(ExitCodes.OK, last.exit(), last::output);
        final Map<String, Object> finished = MiniJson.object(Files.readString(lastJson, StandardCharsets.UTF_8));
        assertEquals(Boolean.FALSE, finished.get("interrupted"));
        assertEquals(BIG_TREE - twice.submitted() + twice.notStarted().size(), balancedFilesSeen(finished),
            "the last resume processed exactly what the two interrupted runs left");
        assertTrue(resumedSeen > 0);
        everyFileExactlyOnce(tree, journal, BIG_TREE);
    }

    @Test
    void aSecondSignalStopsAtOnceAndLeavesAJournalThatResumesLikeACrash() throws Exception
    {
        final Path tree = tree(SLOW_TREE);
        final Path journal = base.resolve("journal");
        final Child run = slow("run", tree.toString(), "--processor", "stat", "--workers", "1", "--journal", journal.toString(),
            "--drain-timeout", "300s");
        run.awaitOutcomes(journal, 20);
        run.signal("INT");
        run.awaitStderr("stopped walking");
        run.signal("INT");
        assertEquals(ExitCodes.INTERRUPTED_SIGINT, run.exit(), run::output);
        assertTrue(run.err().contains("second signal (SIGINT): stopping now"), run::output);
        assertFalse(run.out().contains("INTERRUPTED"), "no summary after a second signal: " + run.output());

        final Verification crashed = verified(journal);
        assertEquals(1, crashed.unclosedRuns(), "stopped at once: no footer, as after a crash");
        assertFalse(crashed.inFlight().isEmpty());

        final CliRun resume = CliRun.of("resume", journal.toString(), "--workers", "2");
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        everyFileExactlyOnce(tree, journal, SLOW_TREE);
    }

    @Test
    void whatTheDrainTimeoutCutsOffIsRejectedOnceAndRetriedByTheResume() throws Exception
    {
        final Path tree = tree(SLOW_TREE);
        final Path journal = base.resolve("journal");
        final Path json = base.resolve("run.json");
        final Child run = slow("run", tree.toString(), "--processor", "stat", "--workers", "1", "--journal", journal.toString(),
            "--json", json.toString(), "--drain-timeout", "300ms");
        run.awaitOutcomes(journal, 20);
        run.signal("INT");
        assertEquals(ExitCodes.INTERRUPTED_SIGINT, run.exit(), run::output);
        final Map<String, Object> report = MiniJson.object(Files.readString(json, StandardCharsets.UTF_8));
        final long seen = balancedFilesSeen(report);
        final long rejected = count(report, "rejected");
        assertTrue(rejected > 0, () -> "the drain was cut short: " + report);
        assertEquals(rejected, ((List<?>)report.get("failures")).size(), "every rejected file is listed once");

        final Verification interrupted = verified(journal);
        assertEquals(seen, interrupted.submitted());
        assertEquals(rejected, interrupted.count(Outcome.REJECTED));
        assertEquals(rejected, interrupted.notStarted().size());
        assertTrue(interrupted.inFlight().isEmpty());

        final Path resumeJson = base.resolve("resume.json");
        final CliRun resume = CliRun.of("resume", journal.toString(), "--workers", "2", "--json", resumeJson.toString());
        assertEquals(ExitCodes.OK, resume.exitCode(), resume.out() + resume.err());
        final long resumed = balancedFilesSeen(MiniJson.object(Files.readString(resumeJson, StandardCharsets.UTF_8)));
        assertEquals(SLOW_TREE - seen + rejected, resumed, "the resume ran the rejected files and the unwalked ones, nothing else");
        everyFileExactlyOnce(tree, journal, SLOW_TREE);
    }

    private Path tree(final int files) throws IOException
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < files; i++)
        {
            final Path dir = tree.resolve("d" + i % 100);
            if (i < 100)
            {
                Files.createDirectory(dir);
            }
            Files.writeString(dir.resolve("f" + i + ".txt"), "file " + i + " holds a few words of text\n".repeat(1 + i % 4));
        }
        return tree;
    }

    private static long count(final Map<String, Object> report, final String field)
    {
        return ((Number)report.get(field)).longValue();
    }

    /** files_seen, checked to equal the sum of the outcomes. */
    private static long balancedFilesSeen(final Map<String, Object> report)
    {
        final long seen = count(report, "files_seen");
        assertEquals(seen, count(report, "succeeded") + count(report, "failed") + count(report, "rejected") + count(report, "timed_out"),
            () -> "every file seen has one outcome: " + report);
        return seen;
    }

    /** index.jsonl has one parseable line per file seen; embeddings.npy loads with the rows the index points at. */
    private static void outputsAreWhole(final Path out, final long seen, final Map<String, Object> report) throws IOException
    {
        final List<String> lines = Files.readAllLines(out.resolve("index.jsonl"), StandardCharsets.UTF_8);
        assertEquals(seen, lines.size(), "one index line per file seen");
        final Set<Long> rows = new HashSet<>();
        for (final String line : lines)
        {
            final Object row = MiniJson.object(line).get("row");
            if (row != null)
            {
                assertTrue(rows.add(((Number)row).longValue()), "row used twice: " + row);
            }
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> ml = (Map<String, Object>)report.get("ml");
        assertEquals(rows.size(), ((Number)ml.get("rows")).intValue());
        NumpyCheck.loadsAs(out.resolve("embeddings.npy"), rows.size(), 256);
    }

    private static Verification verified(final Path journal) throws JournalException
    {
        final JournalContents contents = JournalReader.read(journal);
        final Verification v = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
        assertTrue(v.consistent(), () -> "problems: " + v.problems());
        final CliRun verify = CliRun.of("journal", "verify", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        return v;
    }

    /** The journal, all runs taken together, holds every file of the tree once, succeeded, and nothing else. */
    private static void everyFileExactlyOnce(final Path tree, final Path journal, final int files) throws Exception
    {
        final Verification after = verified(journal);
        assertTrue(after.complete(), () -> "in flight " + after.inFlight().size() + ", not started " + after.notStarted().size());
        assertEquals(files, after.submitted());
        assertEquals(files, after.count(Outcome.SUCCEEDED));
        final Set<String> keys = new HashSet<>();
        for (final RecordedRun run : JournalReader.read(journal).runs())
        {
            for (final RecordedItem item : run.items())
            {
                if (item.outcome() == Outcome.SUCCEEDED)
                {
                    assertTrue(keys.add(item.key()), () -> "succeeded twice: " + item.key());
                }
            }
        }
        try (Stream<Path> walk = Files.walk(tree))
        {
            assertEquals(walk.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toSet()), keys);
        }
    }

    /** A spindle command line in a child JVM, its stdout and stderr in files. */
    private record Child(Process process, Path stdout, Path stderr)
    {
        static Child start(final List<Process> children, final Path base, final String main, final List<String> properties,
            final String... args) throws IOException
        {
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(RepoFiles.jvmFlags());
            command.addAll(properties);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
            command.addAll(List.of(args));
            final int n = children.size() + 1;
            final Path stdout = base.resolve("child-" + n + ".out");
            final Path stderr = base.resolve("child-" + n + ".err");
            final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            children.add(process);
            process.getOutputStream().close();
            return new Child(process, stdout, stderr);
        }

        /** Waits until the journal holds at least {@code outcomes} items with an outcome: the run is under way. */
        void awaitOutcomes(final Path journal, final long outcomes) throws Exception
        {
            while (true)
            {
                if (!process.isAlive())
                {
                    throw new AssertionError("the child ended (exit " + process.exitValue() + ") before " + outcomes + " outcomes:\n" + output());
                }
                try
                {
                    final JournalContents contents = JournalReader.read(journal);
                    final Verification v = Verification.of(contents.runs(), contents.skippedRecords(), contents.problems());
                    if (v.submitted() - v.inFlight().size() >= outcomes)
                    {
                        return;
                    }
                }
                catch (final JournalException e)
                {
                    // not written yet
                }
                Thread.sleep(50);
            }
        }

        void awaitStderr(final String text) throws Exception
        {
            while (!err().contains(text))
            {
                assertTrue(process.isAlive(), () -> "the child ended before saying '" + text + "':\n" + output());
                Thread.sleep(20);
            }
        }

        /** Sends SIG{@code name} with the shell's kill, as an operator would. */
        void signal(final String name) throws Exception
        {
            final Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + name + " " + process.pid()).inheritIO().start();
            assertTrue(kill.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, kill.exitValue(), "kill -" + name);
        }

        int exit() throws Exception
        {
            if (!process.waitFor(2, TimeUnit.MINUTES))
            {
                process.destroyForcibly();
                throw new AssertionError("the child did not exit within 2 minutes:\n" + output());
            }
            assertNotEquals(-1, process.exitValue());
            return process.exitValue();
        }

        String out()
        {
            return read(stdout);
        }

        String err()
        {
            return read(stderr);
        }

        String output()
        {
            return "stdout:\n" + out() + "\nstderr:\n" + err();
        }

        private static String read(final Path file)
        {
            try
            {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            catch (final IOException e)
            {
                return "(unreadable: " + e + ")";
            }
        }
    }
}
