package dev.spindle.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedBatch;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Per-worker busy shares, derived from the batches of a real run, add back up to the batches' run time. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkerBusyTest
{
    @TempDir
    Path dir;

    @Test
    void busySharesAccountForEveryBatchNanosecondInsideTheIntervals() throws Exception
    {
        final Path journal = dir.resolve("journal");
        EngineJournal.record(journal, 1_500, 2_500, Duration.ofNanos(300_000), Duration.ofMillis(50), () -> false);
        final RecordedRun run = JournalReader.read(journal).runs().get(0);
        final List<RecordedInterval> intervals = run.intervals();
        final long from = intervals.get(0).startNanos();
        final long to = intervals.get(intervals.size() - 1).startNanos() + intervals.get(intervals.size() - 1).lengthNanos();

        final double[][] busy = WorkerBusy.perInterval(run);

        assertEquals(WorkerBusy.workers(run), busy.length);
        for (int w = 0; w < busy.length; w++)
        {
            double derived = 0;
            for (int i = 0; i < intervals.size(); i++)
            {
                assertTrue(busy[w][i] >= 0 && busy[w][i] <= 1 + 1e-9, "worker " + w + " interval " + i + ": " + busy[w][i]);
                derived += busy[w][i] * intervals.get(i).lengthNanos();
            }
            long ran = 0;
            for (final RecordedBatch batch : run.batches())
            {
                if (batch.finished() && batch.worker() == w)
                {
                    ran += Math.max(0, Math.min(batch.endNanos(), to) - Math.max(batch.startNanos(), from));
                }
            }
            assertTrue(ran > 0, "worker " + w + " ran batches");
            assertEquals(ran, derived, ran * 1e-6 + 1_000, "worker " + w);
        }
    }
}
