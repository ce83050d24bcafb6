package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.threads.BusyTimedPauser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL leaves a journal that reads, and resumes, without a hang or an exception. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalCrashTest
{
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidRunLeavesEverythingUpToTheCrashReadable() throws Exception
    {
        final Path journal = dir.resolve("journal");
        killWhenItSays("engine", journal, "READY");

        final JournalContents contents = JournalReader.read(journal);
        assertEquals(1, contents.runs().size());
        final RecordedRun run = contents.runs().get(0);
        assertNull(run.footer(), "the killed run never closed");
        assertTrue(contents.problems().stream().allMatch(p -> p.contains("torn frame")), () -> "only a torn frame may be reported: "
            + contents.problems());
        assertEquals(contents.problems().isEmpty(), contents.skippedRecords() == 0, "skipped records come with their reason");
        final long settled = run.items().stream().filter(RecordedItem::terminal).count();
        final long inFlight = run.items().size() - settled;
        assertTrue(settled >= 2_000, "outcomes up to the crash are there: " + settled);
        assertTrue(inFlight > 0, "items in flight at the kill have no outcome");
        for (final RecordedItem item : run.items())
        {
            if (item.terminal())
            {
                assertTrue(item.batchId() >= 0 && item.endNanos() > 0, () -> "a settled item ran in a finished batch: " + item);
            }
        }

        final long start = System.nanoTime();
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "resume", "/data/crash", "stat", 0, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 1_000, 10_000_000);
        }
        final JournalContents resumed = JournalReader.read(journal);
        assertEquals(2, resumed.runs().size());
        assertEquals(0, resumed.runs().get(1).header().resumeOf());
        assertTrue(resumed.runs().get(1).closed());
        assertEquals(run.items().size(), resumed.runs().get(0).items().size(), "the crashed run reads the same after the append");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "resume did not wait on the dead writer");
    }

    @Test
    void aTornLastFrameIsSkippedAndCountedAndTheDeadWritersLockIsReleasedOnResume() throws Exception
    {
        final Path journal = dir.resolve("journal");
        killWhenItSays("torn", journal, "TORN");

        assertTrue(writeLockHeld(journal), "the killed process died holding Chronicle's write lock");
        final JournalContents contents = JournalReader.read(journal);
        assertEquals(7, contents.skippedRecords(), "the torn frame's records are counted");
        assertEquals(1, contents.problems().size(), () -> "problems: " + contents.problems());
        assertTrue(contents.problems().get(0).contains("torn frame"), contents.problems().get(0));
        assertEquals(1, contents.runs().size());
        assertTrue(contents.runs().get(0).closed(), "the run written before the torn frame is whole");
        assertEquals(500, contents.runs().get(0).items().size());

        final long start = System.nanoTime();
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "resume", "/data/torn", "stat", 0, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 500, 1_000);
        }
        final long resumeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        final JournalContents resumed = JournalReader.read(journal);
        assertEquals(0, resumed.skippedRecords(), "the append overwrote the torn frame");
        assertTrue(resumed.problems().isEmpty(), () -> "problems: " + resumed.problems());
        assertEquals(2, resumed.runs().size());
        assertTrue(resumed.runs().get(1).closed());
        assertEquals(500, resumed.runs().get(1).items().size());
        assertTrue(resumeMillis < 20_000, "resume took " + resumeMillis + " ms");
    }

    /** Read-only: building a writable queue would itself release a dead process's lock. */
    private static boolean writeLockHeld(final Path journal)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal).readOnly(true).build();
            TableStoreWriteLock lock = new TableStoreWriteLock(queue.metaStore(), BusyTimedPauser::new, 0L))
        {
            return lock.locked();
        }
    }

    /** Starts {@link CrashChild} in {@code mode} and kills it with SIGKILL as soon as it prints {@code signal}. */
    private static void killWhenItSays(final String mode, final Path journal, final String signal) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), mode, journal.toString()));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final StringBuilder output = new StringBuilder();
        boolean signalled = false;
        try
        {
            final Thread watchdog = new Thread(() ->
            {
                try
                {
                    if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    {
                        child.destroyForcibly();
                    }
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    output.append(line).append('\n');
                    if (line.equals(signal))
                    {
                        signalled = true;
                        break;
                    }
                }
            }
        }
        finally
        {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertTrue(signalled, () -> "the child never said " + signal + ":\n" + output);
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }
}
