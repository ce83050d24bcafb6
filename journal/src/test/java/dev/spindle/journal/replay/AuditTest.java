package dev.spindle.journal.replay;

import static dev.spindle.journal.replay.HandRun.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.CloseReason;
import dev.spindle.engine.Outcome;
import dev.spindle.journal.RecordedItem;
import dev.spindle.journal.RecordedRun;
import dev.spindle.journal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The audit's arithmetic on hand-built runs, where every figure is known exactly. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class AuditTest
{
    /**
     * Two workers. Batch 0 = items 1, 2 on worker 0 over [0, 30] ms; batch 1 = item 3 on worker 1 over
     * [10, 25]; batch 2 = item 4 on worker 0 over [30, 40]; item 5 was rejected at 35 ms.
     */
    static RecordedRun twoWorkerRun(final long scale)
    {
        return new HandRun().workers(2)
            .recorded(HandRun.ran(1, 0, 2, 0, 0, 30 * MS * scale, 20 * MS * scale))
            .recorded(HandRun.ran(2, 0, 1, 0, 0, 30 * MS * scale, 10 * MS * scale))
            .recorded(HandRun.ran(3, 10 * MS * scale, 1.5, 1, 10 * MS * scale, 25 * MS * scale, 15 * MS * scale))
            .recorded(HandRun.ran(4, 20 * MS * scale, 1, 2, 30 * MS * scale, 40 * MS * scale, 10 * MS * scale))
            .recorded(new RecordedItem(5, "k5", 0, Double.NaN, -1, -1, 35 * MS * scale, -1, -1, -1, -1, Outcome.REJECTED, "ring full"))
            .batch(0, 0, CloseReason.BUDGET, 0, 0, 30 * MS * scale, 1, 2)
            .batch(1, 10 * MS * scale, CloseReason.IDLE_WORKER, 1, 10 * MS * scale, 25 * MS * scale, 3)
            .batch(2, 20 * MS * scale, CloseReason.LINGER, 0, 30 * MS * scale, 40 * MS * scale, 4)
            .build();
    }

    @Test
    void statsOfAHandBuiltRunAreExact()
    {
        final RunStats s = RunStats.of(twoWorkerRun(1));
        assertEquals(5, s.items());
        assertEquals(4, s.processed());
        assertEquals(40 * MS, s.makespanNanos(), "last end - first submit");
        assertEquals(100.0, s.itemsPerSecond(), 1e-9, "4 items in 40 ms");
        assertEquals(55.0 / 80.0, s.utilization(), 1e-12, "(30 + 15 + 10) ms / (2 workers x 40 ms)");
        assertEquals(27.5 * MS, s.lowerBoundNanos(), 1e-6, "max((20 + 10 + 15 + 10) / 2, 20) ms");
        assertEquals(40 / 27.5, s.makespanOverLowerBound(), 1e-12);

        // queue waits 0, 0, 0, 10 ms; nearest rank: p50 = 2nd, p99 = 4th
        assertEquals(0, s.queueWait().p50Nanos());
        assertEquals(10 * MS, s.queueWait().p99Nanos());
        assertEquals(10 * MS, s.queueWait().maxNanos());
        assertEquals(2.5 * MS, s.queueWait().meanNanos(), 1e-6);
        // end-to-end 30, 30, 15, 20 ms -> sorted 15, 20, 30, 30
        assertEquals(20 * MS, s.endToEnd().p50Nanos());
        assertEquals(30 * MS, s.endToEnd().p99Nanos());
        assertEquals(30 * MS, s.endToEnd().p999Nanos());
        assertEquals(23.75 * MS, s.endToEnd().meanNanos(), 1e-6);
        // batch service 30, 15, 10 ms -> sorted 10, 15, 30
        assertEquals(15 * MS, s.batchService().p50Nanos());
        assertEquals(30 * MS, s.batchService().p99Nanos());

        assertEquals(3, s.batches());
        assertEquals(4.0 / 3, s.meanBatchItems(), 1e-12);
        assertEquals(5.5 / 3, s.meanBatchComplexity(), 1e-12);
        assertEquals(1.0 / 3, s.closeReasonShares().get(CloseReason.BUDGET), 1e-12);
        assertEquals(1.0 / 3, s.closeReasonShares().get(CloseReason.IDLE_WORKER), 1e-12);
        assertEquals(1.0 / 3, s.closeReasonShares().get(CloseReason.LINGER), 1e-12);
        assertEquals(0.0, s.closeReasonShares().get(CloseReason.COUNT));
        assertEquals(4L, s.outcomes().get(Outcome.SUCCEEDED));
        assertEquals(1L, s.outcomes().get(Outcome.REJECTED));
        assertEquals(0, s.inFlight());
    }

    @Test
    void reportShowsBothRunsWithRatiosInTextAndJson()
    {
        final AuditReport report = Audit.compare(twoWorkerRun(1), twoWorkerRun(2), "slower");
        assertEquals(1.0, report.makespanError(), 1e-12, "every time doubled");
        assertNull(report.intendedEndToEnd());
        final String text = report.toText();
        System.out.println(text);
        assertTrue(text.contains("slower"), text);
        assertTrue(text.matches("(?s).*makespan\\s+40\\.00 ms\\s+80\\.00 ms\\s+2\\.000.*"), text);
        assertTrue(text.matches("(?s).*utilization\\s+68\\.8 %\\s+68\\.8 %\\s+1\\.000.*"), text);
        assertTrue(text.matches("(?s).*throughput\\s+100\\.0/s\\s+50\\.0/s\\s+0\\.500.*"), text);

        final String json = report.toJson();
        System.out.println(json);
        assertTrue(json.startsWith("{\"label\":\"slower\",\"recorded\":{\"workers\":2,\"items\":5,"), json);
        assertTrue(json.contains("\"makespan_ns\":40000000"), json);
        assertTrue(json.contains("\"makespan_ns\":80000000"), json);
        assertTrue(json.contains("\"ratio\":{\"workers\":1,"), json);
        assertTrue(json.contains("\"closed_count\":null"), "0 / 0 has no ratio: " + json);
        assertTrue(json.endsWith("\"notes\":[]}"), json);
    }

    @Test
    void jsonEscapesLabelsAndNotes()
    {
        final AuditReport report = new AuditReport("a \"quoted\"\nlabel", RunStats.of(twoWorkerRun(1)), RunStats.of(twoWorkerRun(1)), null,
            List.of("tab\there \\ \u0001"));
        final String json = report.toJson();
        assertTrue(json.contains("\"label\":\"a \\\"quoted\\\"\\nlabel\""), json);
        assertTrue(json.contains("\"notes\":[\"tab\\there \\\\ \\u0001\"]"), json);
        assertEquals(List.of("tab\there \\ \u0001"), ((Map<?, ?>)Json.read(json)).get("notes"));
    }
}
