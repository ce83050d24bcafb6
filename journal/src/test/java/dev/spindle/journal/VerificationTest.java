package dev.spindle.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.Outcome;
import dev.spindle.engine.RunInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal's items judged across a crashed run and its resume. */
final class VerificationTest
{
    private static final RunInfo ENGINE = new RunInfo("dev", 0, 0, 2, 1024, 1024, 200, 64, 0, 0, 0, 1_000_000_000L, "BLOCK",
        "BLOCKING", "unpinned", 1_000_000_000L, "none", 2, 1L << 30, "test", "WORKERS_CUT (configured)");

    @Test
    void aCrashLeavesItemsInFlightAndItsResumeCompletesThem()
    {
        final RunAssembler journal = new RunAssembler();
        run(journal, -1, 1, 5);
        outcomes(journal, Outcome.SUCCEEDED, 1, 2);
        journal.outcome(3, Outcome.FAILED, "bad file");

        final Verification crashed = Verification.of(journal.runs(), 1, journal.problems());
        assertTrue(crashed.consistent(), () -> crashed.problems().toString());
        assertFalse(crashed.complete());
        assertEquals(1, crashed.unclosedRuns());
        assertEquals(5, crashed.submitted());
        assertEquals(List.of(4L, 5L), crashed.inFlight().stream().map(RecordedItem::id).toList());
        assertEquals(1, crashed.count(Outcome.FAILED));
        assertEquals(5, crashed.maxItemId());
        assertEquals(1, crashed.skippedRecords());

        run(journal, 0, 4, 6);
        outcomes(journal, Outcome.SUCCEEDED, 4, 5, 6);
        journal.footer(new RunFooter(9, 3, 3, 0, 0, 0, 1, 0.5));

        final Verification resumed = Verification.of(journal.runs(), 0, journal.problems());
        assertTrue(resumed.consistent(), () -> resumed.problems().toString());
        assertTrue(resumed.complete());
        assertEquals(6, resumed.submitted(), "items 4 and 5 count once across both runs");
        assertEquals(5, resumed.count(Outcome.SUCCEEDED));
        assertEquals(1, resumed.unclosedRuns(), "the crashed run stays unclosed; its resume closed");
    }

    @Test
    void whatAnInterruptedRunRejectedUnstartedIsLeftForItsResumeToRetry()
    {
        final RunAssembler journal = new RunAssembler();
        run(journal, -1, 1, 4);
        outcomes(journal, Outcome.SUCCEEDED, 1, 2);
        outcomes(journal, Outcome.REJECTED, 3, 4);
        journal.footer(new RunFooter(9, 4, 2, 0, 2, 0, 1, 0.5, 2));

        final Verification interrupted = Verification.of(journal.runs(), 0, journal.problems());
        assertTrue(interrupted.consistent(), () -> interrupted.problems().toString());
        assertFalse(interrupted.complete(), "a resume is due");
        assertEquals(0, interrupted.unclosedRuns(), "the interrupted run closed");
        assertEquals(2, interrupted.lastRunInterruptedBy());
        assertTrue(interrupted.inFlight().isEmpty());
        assertEquals(List.of(3L, 4L), interrupted.notStarted().stream().map(RecordedItem::id).toList());
        assertEquals(2, interrupted.count(Outcome.REJECTED));

        run(journal, 0, 3, 5);
        outcomes(journal, Outcome.SUCCEEDED, 3, 4, 5);
        journal.footer(new RunFooter(19, 3, 3, 0, 0, 0, 1, 0.5));
        final Verification resumed = Verification.of(journal.runs(), 0, journal.problems());
        assertTrue(resumed.consistent(), () -> "a retried rejection is no contradiction: " + resumed.problems());
        assertTrue(resumed.complete());
        assertEquals(5, resumed.submitted());
        assertEquals(5, resumed.count(Outcome.SUCCEEDED));
        assertEquals(0, resumed.count(Outcome.REJECTED));

        run(journal, 1, 5, 5);
        final Verification again = Verification.of(journal.runs(), 0, journal.problems());
        assertFalse(again.consistent(), "an item the resume finished is not retried again");
    }

    @Test
    void contradictionsMakeItInconsistent()
    {
        final RunAssembler journal = new RunAssembler();
        run(journal, -1, 1, 2);
        outcomes(journal, Outcome.SUCCEEDED, 1, 2);
        journal.outcome(2, Outcome.FAILED, "again");
        journal.outcome(7, Outcome.SUCCEEDED, null);
        run(journal, 0, 1, 1);
        run(journal, -1, 3, 3);

        final Verification v = Verification.of(journal.runs(), 0, journal.problems());
        assertFalse(v.consistent());
        final String all = String.join("\n", v.problems());
        assertTrue(all.contains("second outcome"), all);
        assertTrue(all.contains("item 7, never submitted"), all);
        assertTrue(all.contains("resubmitted item 1"), all);
        assertTrue(all.contains("run 2 is not a resume"), all);
    }

    @Test
    void aTornLastFrameIsTheCrashsOwnLossNotAContradictionButAGarbledFrameIs()
    {
        final RunAssembler journal = new RunAssembler();
        run(journal, -1, 1, 3);
        outcomes(journal, Outcome.SUCCEEDED, 1);
        final String torn = "20261203.cq4: " + JournalReader.TORN_FRAME + " at offset 4096 (its writer died while writing it, or is"
            + " writing it now): 7 record(s) skipped";

        final Verification crashed = Verification.of(journal.runs(), 7, List.of(torn));
        assertTrue(crashed.consistent(), () -> crashed.problems().toString());
        assertEquals(7, crashed.skippedRecords(), "the torn frame's records are counted, not hidden");
        assertEquals(2, crashed.inFlight().size(), "what the torn frame held is in flight, for resume");

        final Verification garbled = Verification.of(journal.runs(), 3, List.of(torn, "frame 12 is garbled (bad length): 3 record(s) skipped"));
        assertFalse(garbled.consistent(), "a garbled frame in the middle is corruption");
        assertEquals(1, garbled.problems().size(), garbled.problems().toString());
    }

    private static void run(final RunAssembler journal, final int resumeOf, final long firstId, final long lastId)
    {
        journal.header(new RunHeader(JournalFormat.VERSION, ENGINE, "test", "/tree", "stat", resumeOf));
        for (long id = firstId; id <= lastId; id++)
        {
            journal.submitted(id, "/tree/f" + id, 10, 1, 50, 2, id * 100);
        }
    }

    private static void outcomes(final RunAssembler journal, final Outcome outcome, final long... ids)
    {
        for (final long id : ids)
        {
            journal.outcome(id, outcome, null);
        }
    }
}
