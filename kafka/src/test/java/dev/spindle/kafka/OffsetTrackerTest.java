package dev.spindle.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest
{
    @Test
    void watermarkIsTheLowestPendingOffsetAndSkippedOffsetsCountAsDone()
    {
        final OffsetTracker tracker = new OffsetTracker(16);
        assertEquals(OffsetTracker.NONE, tracker.watermark());
        final long t10 = tracker.track(10);
        final long t11 = tracker.track(11);
        final long t14 = tracker.track(14); // 12 and 13 compacted away
        final long t15 = tracker.track(15);
        assertEquals(10, tracker.watermark());
        assertTrue(tracker.complete(t11, 11));
        assertTrue(tracker.complete(t15, 15));
        assertEquals(10, tracker.watermark());

        final CompletedRanges ranges = new CompletedRanges();
        tracker.completedBeyondWatermark(ranges);
        assertEquals("[[11, 14), [15, 16)]", ranges.toString(), "12 and 13 have no records");

        assertTrue(tracker.complete(t10, 10));
        assertEquals(14, tracker.watermark(), "11 was done and 12, 13 do not exist");
        tracker.completedBeyondWatermark(ranges);
        assertEquals("[[15, 16)]", ranges.toString());
        assertTrue(tracker.complete(t14, 14));
        assertEquals(16, tracker.watermark());
        assertEquals(0, tracker.pending());
        assertEquals(0, tracker.span());
    }

    @Test
    void completedRunsSpanTheOffsetsSkippedBetweenThem()
    {
        final OffsetTracker tracker = new OffsetTracker(16);
        tracker.track(0);
        final long t5 = tracker.track(5);
        final long t9 = tracker.track(9);
        tracker.track(20);
        tracker.complete(t5, 5);
        tracker.complete(t9, 9);
        final CompletedRanges ranges = new CompletedRanges();
        tracker.completedBeyondWatermark(ranges);
        assertEquals("[[1, 20)]", ranges.toString(), "1-4 and 6-8 and 10-19 have no records");
    }

    @Test
    void staleOrRepeatedCompletionsAreRefused()
    {
        final OffsetTracker tracker = new OffsetTracker(4);
        final long t = tracker.track(7);
        assertFalse(tracker.complete(t, 8), "another offset under the same ticket");
        assertTrue(tracker.complete(t, 7));
        assertFalse(tracker.complete(t, 7), "twice");
        assertFalse(tracker.complete(t + 1, 8), "never issued");
    }

    @Test
    void theRingIsReusedAndRefusesToOverflow()
    {
        final OffsetTracker tracker = new OffsetTracker(4);
        for (long offset = 0; offset < 1_000; offset++)
        {
            assertTrue(tracker.complete(tracker.track(offset), offset));
        }
        assertEquals(1_000, tracker.watermark());
        for (int i = 0; i < tracker.capacity(); i++)
        {
            tracker.track(1_000 + i);
        }
        assertThrows(IllegalStateException.class, () -> tracker.track(2_000));
    }

    @Test
    void anOffsetFetchedAgainAfterThePositionMovedBackIsNotTrackedTwice()
    {
        final OffsetTracker tracker = new OffsetTracker(16);
        final long t10 = tracker.track(10);
        final long t11 = tracker.track(11);
        final long t12 = tracker.track(12);
        assertTrue(tracker.complete(t11, 11));
        // an offset reset moves the position back to 11: 11 and 12 come again, then 13 is new
        assertEquals(OffsetTracker.REFETCHED, tracker.track(11));
        assertEquals(OffsetTracker.REFETCHED, tracker.track(12));
        final long t13 = tracker.track(13);
        assertEquals(3, tracker.pending(), "10, 12 and 13, each once");
        assertEquals(10, tracker.watermark());
        assertTrue(tracker.complete(t10, 10));
        assertTrue(tracker.complete(t12, 12), "the first fetch's ticket still completes 12");
        assertTrue(tracker.complete(t13, 13));
        assertEquals(14, tracker.watermark(), "nothing skipped, nothing lost");
        assertEquals(0, tracker.pending());
    }
}
