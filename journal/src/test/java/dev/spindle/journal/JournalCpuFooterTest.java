package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A format 6 footer holds the JIT compiler's time over the run beside the CPU figures; a format 5 footer still reads, without it. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalCpuFooterTest
{
    @TempDir
    Path dir;

    @Test
    void aFormatSixFooterHasTheCompilersTimeAndAFormatFiveFooterStillReads() throws Exception
    {
        final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        Assumptions.assumeTrue(compiler != null && compiler.isCompilationTimeMonitoringSupported(), "this JVM does not time its JIT compiler");
        final Path journal = dir.resolve("journal");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run d", "/d", "stat", -1, FixedItem.IDENTITY,
            WriterSettings.defaults(), 5))
        {
            EngineRuns.run(writer, 1, 300, 0);
        }
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle resume d", "/d", "stat", 0, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 300, 10_000);
        }

        final JournalContents contents = JournalReader.read(journal);
        assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
        final RunFooter old = contents.runs().get(0).footer();
        assertEquals(5, contents.runs().get(0).header().formatVersion());
        assertTrue(old.cpuMeasured(), "format 5 has the CPU figures");
        assertFalse(old.compileMeasured(), "format 5 has no compiler figure");
        assertEquals(RunFooter.CPU_UNKNOWN, old.compileNanos());
        assertEquals(300, old.submitted(), "an 88-byte footer reads whole");
        final RunFooter current = contents.runs().get(1).footer();
        assertEquals(JournalFormat.VERSION, contents.runs().get(1).header().formatVersion());
        assertTrue(current.cpuMeasured());
        assertTrue(current.compileMeasured(), "this JVM times its compiler, so the footer has it");
        assertTrue(current.compileNanos() % 1_000_000 == 0, "the JVM counts compilation in milliseconds");
        assertEquals(300, current.submitted(), "a 96-byte footer reads whole");
    }
}
