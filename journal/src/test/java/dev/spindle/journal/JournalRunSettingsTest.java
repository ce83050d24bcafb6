package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Format 4 records the run's settings in its header; a format 2 or 3 journal reads with none and takes a format 4 resume. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
final class JournalRunSettingsTest
{
    private static final String SETTINGS = "processor=ml\ncache=none\nout=/o \\u00e9\\n\ntext-cap=1000\n";

    @TempDir
    Path dir;

    @Test
    void theSettingsReadBackAsWritten() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run d", "/d", "ml", SETTINGS, -1, FixedItem.IDENTITY))
        {
            EngineRuns.run(writer, 1, 200, 0);
        }
        final RunHeader header = JournalReader.read(journal).runs().get(0).header();
        assertEquals(JournalFormat.VERSION, header.formatVersion());
        assertEquals(SETTINGS, header.settings());
        assertEquals("ml", header.processor());
        assertEquals("/d", header.source());
    }

    @Test
    void olderHeadersReadWithoutSettingsAndTakeANewerResume() throws Exception
    {
        for (final int version : List.of(2, 3))
        {
            final Path journal = dir.resolve("journal-v" + version);
            try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run old", "/d", "stat", -1, FixedItem.IDENTITY,
                WriterSettings.defaults(), version))
            {
                EngineRuns.run(writer, 1, 200, 0);
            }
            try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle resume", "/d", "stat", SETTINGS, 0, FixedItem.IDENTITY))
            {
                EngineRuns.run(writer, 1, 200, 10_000);
            }
            final JournalContents contents = JournalReader.read(journal);
            assertTrue(contents.problems().isEmpty(), () -> "problems: " + contents.problems());
            final RunHeader old = contents.runs().get(0).header();
            assertEquals(version, old.formatVersion());
            assertEquals("", old.settings(), "no settings before format 4");
            assertEquals("spindle run old", old.command());
            assertTrue(old.engine().dispatch().length() > 0 && !"unknown".equals(old.engine().dispatch()), old.engine().dispatch());
            assertEquals(JournalFormat.VERSION, contents.runs().get(1).header().formatVersion());
            assertEquals(SETTINGS, contents.runs().get(1).header().settings());
        }
    }
}
