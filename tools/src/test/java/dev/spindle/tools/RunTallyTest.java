package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import dev.spindle.engine.Outcome;
import org.junit.jupiter.api.Test;

/** The tally's failure list is bounded: the first failures in walk order are kept, the rest counted exactly. */
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
}
