package dev.spindle.journal.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.spindle.journal.RecordedRun;
import org.junit.jupiter.api.Test;

/** The producer's own gaps: the time it spent blocked on a full ring is taken out, an open loop keeps its inter-arrival times. */
class ProducerGapsTest
{
    private static final long MS = 1_000_000;

    private static RecordedRun run()
    {
        // item 0 frees its slot at 10 ms, item 1 at 20 ms; items 2 and 3 came 0.5 ms and 0.2 ms after the producer could go on
        return new HandRun()
            .recorded(HandRun.ran(0, 0, 1, 0, 0, 10 * MS, 10 * MS))
            .recorded(HandRun.ran(1, MS, 1, 1, 10 * MS, 20 * MS, 10 * MS))
            .recorded(HandRun.ran(2, 10 * MS + MS / 2, 1, 2, 20 * MS, 30 * MS, 10 * MS))
            .recorded(HandRun.ran(3, 20 * MS + MS / 5, 1, 3, 30 * MS, 40 * MS, 10 * MS))
            .build();
    }

    @Test
    void aProducerBlockedOnAFullRingIsCountedFromWhenHalfTheRingWasFree()
    {
        final RecordedWorkload w = RecordedWorkload.of(run());
        assertArrayEquals(new long[] {0, MS, MS / 2, MS / 5}, ProducerGaps.of(w, 2), "a 2-slot ring: blocked before items 2 and 3");
    }

    @Test
    void aProducerNeverBlockedKeepsItsInterArrivalTimes()
    {
        final RecordedWorkload w = RecordedWorkload.of(run());
        assertArrayEquals(new long[] {0, MS, 9 * MS + MS / 2, 9 * MS + 7 * MS / 10}, ProducerGaps.of(w, 4096));
    }
}
