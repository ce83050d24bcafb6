package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.main.DumpMain;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Other tools read what the journal writes: Chronicle's DumpMain the queue, HdrHistogram's log reader the hlog. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class JournalInteropTest
{
    @TempDir
    Path dir;

    private Path journal;
    private RecordedRun run;

    @BeforeEach
    void writeAJournal() throws Exception
    {
        journal = dir.resolve("journal");
        // At most 64 records per frame: the dump below must show several frames however fast the engine ran.
        try (JournalWriter<FixedItem> writer = JournalWriter.open(journal, "spindle run y", "/data/y", "stat", -1, FixedItem.IDENTITY,
            WriterSettings.defaults().maxFrameRecords(64)))
        {
            EngineRuns.run(writer, 2, 3_000, 0);
        }
        run = JournalReader.read(journal).runs().get(0);
    }

    @Test
    void chronicleDumpMainPrintsTheJournalsDocuments()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            DumpMain.dump(journal.toFile(), out, Long.MAX_VALUE);
        }
        final String dump = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(dump.contains("SCQStore"), "the cycle file's header is dumped");
        assertTrue(dump.contains(".cq4"), "the cycle file is listed");
        final int frames = count(dump, "SPJF");
        assertTrue(frames >= 2, () -> "every frame is dumped with its magic; found " + frames + " in:\n" + dump.substring(0, Math.min(4000, dump.length())));
    }

    @Test
    void hdrHistogramReadsTheRunsIntervalLogWithOneTagPerMetric() throws Exception
    {
        final Path hlog = journal.resolve("run-0.hlog");
        assertTrue(Files.isRegularFile(hlog), "run-0.hlog written");
        final Map<String, List<Long>> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        try
        {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null)
            {
                counts.computeIfAbsent(h.getTag(), t -> new ArrayList<>()).add(((Histogram)h).getTotalCount());
            }
        }
        finally
        {
            reader.close();
        }
        assertEquals(Map.of("queueWait", counts("queueWait"), "batchService", counts("batchService"), "itemService", counts("itemService"),
            "endToEnd", counts("endToEnd")), counts);
        assertTrue(counts.get("endToEnd").stream().mapToLong(Long::longValue).sum() > 0, "items were measured");
    }

    private List<Long> counts(final String tag)
    {
        final List<Long> totals = new ArrayList<>();
        for (final RecordedInterval interval : run.intervals())
        {
            final Histogram h = switch (tag)
            {
                case "queueWait" -> interval.queueWait();
                case "batchService" -> interval.batchService();
                case "itemService" -> interval.itemService();
                default -> interval.endToEnd();
            };
            totals.add(h.getTotalCount());
        }
        return totals;
    }

    private static int count(final String text, final String what)
    {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1))
        {
            n++;
        }
        return n;
    }
}
