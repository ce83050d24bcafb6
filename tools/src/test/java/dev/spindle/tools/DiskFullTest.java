package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs onto a real, small, nearly full tmpfs: the journal (Chronicle's mapped file, kept from faulting
 * by the free-space check), {@code --out}, the result cache and {@code --json}. Each run must stop with one line naming the
 * file and exit 15, never hang (child JVMs with a time limit), and the journal written so far must still
 * verify. Without the check a mapped write on a full tmpfs is a SIGBUS: sometimes an InternalError the
 * writer catches, sometimes (inside the VM's own Unsafe code) a JVM crash, so that is not tested here.
 * Skipped where a tmpfs cannot be mounted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiskFullTest
{
    private static final long LIMIT_SECONDS = 120;
    private static final int FILES = 4_000;

    record Exit(int code, String out, String err)
    {
    }

    @TempDir
    Path base;

    private Path disk;
    private boolean mounted;
    private Path tree;

    @BeforeEach
    void mountASmallTmpfs() throws IOException
    {
        disk = Files.createDirectory(base.resolve("disk"));
        assumeTrue(Shell.has("mount") && Shell.run(base, "mount -t tmpfs -o size=2m spindle-disk-full " + disk) == 0,
            "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
        mounted = true;
        tree = Files.createDirectory(base.resolve("tree"));
        for (int i = 0; i < FILES; i++)
        {
            Files.writeString(tree.resolve("file-with-a-longish-name-" + i + ".txt"), "words " + i + " and more words\n");
        }
    }

    @AfterEach
    void unmount()
    {
        if (mounted)
        {
            assertEquals(0, Shell.run(base, "umount " + disk + " || umount -l " + disk), "the tmpfs must not stay mounted");
        }
    }

    @Test
    void aJournalOnAFullDiskStopsTheRunWithOneLineAndStaysReadable() throws Exception
    {
        fillLeaving(1_400_000); // the 1 MiB headroom leaves a few hundred KB of records
        final Path journal = disk.resolve("journal");
        final Exit exit = spindle(List.of(), "run", tree.toString(), "--processor", "stat", "--workers", "1", "--journal", journal.toString());
        stoppedWithOneLine(exit, journal.toString());
        journalStillVerifies(journal);

        Files.delete(disk.resolve("filler")); // room again: the resume finishes the run
        final CliRun resume = CliRun.of("resume", journal.toString(), "--workers", "1");
        assertTrue(resume.exitCode() == ExitCodes.OK, resume.out() + resume.err());
        final CliRun complete = CliRun.of("journal", "verify", journal.toString(), "--require-complete");
        assertEquals(ExitCodes.OK, complete.exitCode(), complete.out() + complete.err());
        assertTrue(complete.out().contains("submitted     " + String.format(java.util.Locale.ROOT, "%,d", FILES) + " items"), complete.out());
    }

    @Test
    void aJournalOnADiskAlreadyFullIsRefusedBeforeChronicleMapsAnything() throws Exception
    {
        fillLeaving(0);
        final Path journal = disk.resolve("journal");
        final Exit exit = spindle(List.of(), "run", tree.toString(), "--processor", "stat", "--workers", "1", "--journal", journal.toString());
        stoppedWithOneLine(exit, journal.toString());
        assertTrue(exit.err().contains("disk full"), exit.err());
    }

    @Test
    void outOnAFullDiskStopsTheRunWithOneLineNamingTheFile() throws Exception
    {
        fillLeaving(200_000); // a 1 KB embedding per text file: far more than fits
        final Path out = disk.resolve("out");
        final Exit exit = spindle(List.of(), "run", tree.toString(), "--no-cache", "--workers", "1", "--out", out.toString());
        assertEquals(ExitCodes.WRITE_FAILED, exit.code(), exit.err());
        final List<String> lines = exit.err().strip().lines().filter(l -> l.contains("cannot write")).toList();
        assertEquals(1, lines.size(), exit.err());
        assertTrue(lines.get(0).contains(out.toString()) && lines.get(0).contains("disk full"), exit.err());
        assertFalse(exit.err().contains("Exception") || exit.err().contains("\tat "), exit.err());
        whatWasWrittenStaysReadable(out);
    }

    /** Every index line parses and points at a row the matrix holds; the matrix holds exactly the rows its header counts. */
    private static void whatWasWrittenStaysReadable(final Path out) throws IOException
    {
        final Path npy = out.resolve(ResultsOutput.MATRIX);
        final long rows = (Files.size(npy) - 128) / (256 * Float.BYTES);
        assertEquals(128 + rows * 256 * Float.BYTES, Files.size(npy), "no partial row");
        final String header = new String(Files.readAllBytes(npy), 0, 128, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (" + rows + ", 256)"), header);
        // the index is buffered (64 KiB): on a disk the matrix filled first its buffer may never have reached the file
        final List<String> index = Files.readAllLines(out.resolve(ResultsOutput.INDEX), StandardCharsets.UTF_8);
        for (final String line : index)
        {
            final Object row = MiniJson.object(line).get("row");
            assertTrue(row == null || ((Double)row) < rows, line);
        }
    }

    @Test
    void aCacheOnAFullDiskStopsTheRunWithOneLineNamingTheFile() throws Exception
    {
        fillLeaving(300_000); // about a kilobyte of cached result per text file: far more than fits
        final Path cache = disk.resolve("cache");
        final Exit exit = spindle(List.of(), "run", tree.toString(), "--cache", cache.toString(), "--workers", "1");
        assertEquals(ExitCodes.WRITE_FAILED, exit.code(), exit.out() + exit.err());
        final List<String> lines = exit.err().strip().lines().filter(l -> !l.contains("no --model given")).toList();
        assertEquals(1, lines.size(), exit.err());
        assertTrue(lines.get(0).contains(cache.toString()) && lines.get(0).contains("disk full"), exit.err());
    }

    @Test
    void jsonOnAFullDiskIsOneLineAndLeavesNoTemporaryFile() throws Exception
    {
        fillLeaving(0);
        final Path json = disk.resolve("report.json");
        final CliRun run = CliRun.of("run", tree.toString(), "--processor", "stat", "--workers", "1", "--json", json.toString());
        assertEquals(ExitCodes.WRITE_FAILED, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(json.toString()) && run.err().contains("disk full"), run.err());
        assertFalse(Files.exists(json) || Files.exists(disk.resolve("report.json.tmp")));
    }

    private static void stoppedWithOneLine(final Exit exit, final String file)
    {
        assertEquals(ExitCodes.WRITE_FAILED, exit.code(), exit.out() + exit.err());
        assertEquals(1, exit.err().strip().lines().count(), exit.err());
        assertTrue(exit.err().contains(file), exit.err());
        assertFalse(exit.err().contains("Exception") || exit.err().contains("\tat "), exit.err());
    }

    private static void journalStillVerifies(final Path journal)
    {
        final CliRun verify = CliRun.of("journal", "verify", journal.toString());
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("did not close"), verify.out());
    }

    /** Fills the tmpfs with one file until {@code free} bytes (about) are left; 0 fills it to the last byte. */
    private void fillLeaving(final long free) throws IOException
    {
        final byte[] block = new byte[4096];
        try (OutputStream filler = Files.newOutputStream(disk.resolve("filler")))
        {
            while (free == 0 || Files.getFileStore(disk).getUsableSpace() > free + block.length)
            {
                filler.write(block);
            }
        }
        catch (final IOException e)
        {
            if (free > 0)
            {
                throw e;
            }
        }
        if (free == 0)
        {
            try (OutputStream last = Files.newOutputStream(disk.resolve("filler-tail")))
            {
                while (true)
                {
                    last.write(0);
                }
            }
            catch (final IOException e)
            {
                // full to the last byte
            }
        }
    }

    private Exit spindle(final List<String> jvmOptions, final String... args) throws IOException, InterruptedException
    {
        final Path out = base.resolve("stdout.txt");
        final Path err = base.resolve("stderr.txt");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RepoFiles.jvmFlags());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpindleCli.class.getName()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new AssertionError("spindle did not finish within " + LIMIT_SECONDS + " s (a hang): " + Files.readString(err));
        }
        return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
