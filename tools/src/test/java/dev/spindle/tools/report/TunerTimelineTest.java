package dev.spindle.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.journal.JournalReader;
import dev.spindle.journal.RecordedDecision;
import dev.spindle.journal.RecordedInterval;
import dev.spindle.journal.RecordedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each decision of a real tuned run lands at the end of the interval it followed, on the run's clock. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TunerTimelineTest
{
    @TempDir
    Path dir;

    @Test
    void decisionsFollowTheirIntervalsAndKnobsStepFromTheFirstValue() throws Exception
    {
        final Path journal = dir.resolve("journal");
        EngineJournal.record(journal, 1_500, 2_500, Duration.ofNanos(300_000), Duration.ofMillis(50), () -> false);
        final RecordedRun run = JournalReader.read(journal).runs().get(0);
        assertTrue(run.decisions().size() >= 3, "decisions: " + run.decisions().size());

        final TunerTimeline timeline = TunerTimeline.of(run);

        assertEquals(run.decisions().size(), timeline.decisions());
        assertEquals(run.decisions().get(0).budgetBefore(), timeline.budget()[0]);
        final long origin = run.header().engine().startNanos();
        for (int k = 0; k < run.decisions().size(); k++)
        {
            final RecordedDecision decision = run.decisions().get(k);
            final RecordedInterval followed = run.intervals().stream().filter(i -> i.index() == decision.interval() + 1).findFirst().orElseThrow();
            assertEquals((followed.startNanos() + followed.lengthNanos() - origin) / 1e9, timeline.seconds()[k + 1], 1e-9, "decision " + k);
            assertEquals(decision.budgetAfter(), timeline.budget()[k + 1]);
            assertEquals(decision.workersAfter(), timeline.workers()[k + 1]);
        }
        assertTrue(timeline.seconds()[1] > 0, "the first decision comes after the first interval");
        assertEquals(timeline.rows().size() + timeline.omittedRows(), timeline.rows().size(), "a short run lists every row");
    }
}
