package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import dev.spindle.engine.Outcome;
import org.junit.jupiter.api.Test;

/** The tally's failure and skipped lists are bounded: the first in walk order are kept, the rest counted exactly. */
class RunTallyTest
{
    @Test
    void keepsTheFirstFailuresInWalkOrderAndCountsTheRest() throws InterruptedException
    {
        final RunTally tally = new RunTally((item, outcome, result, reason) -> { });
        final int extra = 2_500;
        final long total = RunTally.FAILURES_KEPT + extra;
        final Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++)
        {
            final int worker = w;
            // completion order is not walk order: each worker reports its share from the last id down
            workers[w] = new Thread(() ->
            {
                final FileItem item = new FileItem();
                for (long id = total; id >= 1; id--)
                {
                    if (id % workers.length == worker)
                    {
                        item.reset().id(id).key("f" + id).path(Path.of("/t/f" + id)).seen(Path.of("/t/f" + id));
                        tally.onOutcome(item, id % 3 == 0 ? Outcome.TIMED_OUT : Outcome.FAILED, null, "read error: gone");
                    }
                }
            });
            workers[w].start();
        }
        for (final Thread worker : workers)
        {
            worker.join();
        }

        final List<FailureRecord> kept = tally.failures();
        assertEquals(LongStream.rangeClosed(1, RunTally.FAILURES_KEPT).boxed().toList(), kept.stream().map(FailureRecord::id).toList());
        assertEquals(total, tally.failed() + tally.timedOut(), "every outcome is counted");
        final RunResult run = new RunResult("t", total, tally.succeeded(), tally.failed(), tally.rejected(), tally.timedOut(), kept, null, null, null);
        assertEquals(extra, run.failuresNotListed());
        assertEquals(true, run.balanced());
    }

    @Test
    void keepsTheFirstSkippedEntriesInWalkOrderApartFromFailuresAndCountsTheRest()
    {
        final RunTally tally = new RunTally((item, outcome, result, reason) -> { });
        final int extra = 1_234;
        final long total = RunTally.SKIPPED_KEPT + extra;
        final FileItem item = new FileItem();
        for (long id = total; id >= 1; id--)
        {
            item.reset().id(id).key("l" + id).seen(Path.of("/t/l" + id)).skip("dangling symlink -> nowhere");
            tally.onOutcome(item, Outcome.SUCCEEDED, null, null);
        }
        item.reset().id(total + 1).key("ok").path(Path.of("/t/ok"));
        tally.onOutcome(item, Outcome.SUCCEEDED, null, null);

        assertEquals(total, tally.skipped());
        assertEquals(1, tally.succeeded(), "a skipped entry is not a success");
        assertEquals(List.of(), tally.failures(), "nor a failure");
        final List<SkipRecord> kept = tally.skips();
        assertEquals(LongStream.rangeClosed(1, RunTally.SKIPPED_KEPT).boxed().toList(), kept.stream().map(SkipRecord::id).toList());
        assertEquals(new SkipRecord(1, "/t/l1", null, "dangling symlink -> nowhere"), kept.get(0));
        final RunResult run = new RunResult("t", total + 1, tally.succeeded(), 0, 0, 0, List.of(), null, null, null, tally.skipped(), kept);
        assertEquals(extra, run.skipsNotListed());
        assertEquals(true, run.balanced());
        assertEquals(ExitCodes.OK, run.exitCode(), "skipped entries alone leave the exit status 0");
        assertEquals(false, new RunResult("t", total + 2, 1, 0, 0, 0, List.of(), null, null, null, total, kept).balanced(),
            "an entry without an outcome is caught");
    }
}
