package dev.spindle.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.CloseReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cutter thread's policy without threads: who gets a batch, why one is queued behind a busy worker, when the cutter looks again. */
class CutterDutyTest
{
    /** Workers as plain flags; every hand-over takes {@code perBatch} items off a unit-cost backlog. */
    private static final class Crew implements CutterDuty.Crew, CutterDuty.Backlog
    {
        final boolean[] busy;
        final int[] boxesUsed;
        final List<String> handed = new ArrayList<>();
        long waiting;
        long oldest = Long.MAX_VALUE;
        int perBatch = 1;

        Crew(final int workers)
        {
            busy = new boolean[workers];
            boxesUsed = new int[workers];
        }

        @Override
        public boolean idle(final int worker)
        {
            return !busy[worker] && boxesUsed[worker] == 0;
        }

        @Override
        public boolean hasFreeBox(final int worker)
        {
            return boxesUsed[worker] < 2;
        }

        @Override
        public boolean handOver(final int worker, final int sharers, final CloseReason reason)
        {
            if (waiting == 0)
            {
                return false;
            }
            final long n = Math.min(waiting, sharers == 1 ? perBatch : (waiting + sharers - 1) / sharers);
            waiting -= n;
            boxesUsed[worker]++;
            handed.add(worker + ":" + n + ":" + reason);
            return true;
        }

        @Override
        public double waitingComplexity()
        {
            return waiting;
        }

        @Override
        public long waitingItems()
        {
            return waiting;
        }

        @Override
        public long oldestWaitingNanos()
        {
            return waiting == 0 ? Long.MAX_VALUE : oldest;
        }
    }

    @Test
    void eachIdleWorkerGetsAShareAndNothingIsQueuedWhileTheBacklogIsSmall()
    {
        final Crew crew = new Crew(3);
        crew.waiting = 9;
        crew.oldest = 0;
        crew.busy[1] = true;
        crew.boxesUsed[1] = 1;
        final int handed = CutterDuty.cycle(crew, crew, 3, 100, 64, 1_000, false, 10);
        assertEquals(2, handed);
        assertEquals(List.of("0:3:IDLE_WORKER", "2:2:IDLE_WORKER"), crew.handed, "shares of what waits among the 3 active workers");
        assertFalse(CutterDuty.anyIdle(crew, 3));
        assertTrue(CutterDuty.anyFreeBox(crew, 3));
    }

    @Test
    void aFullBatchPerActiveWorkerIsQueuedBehindABusyWorkerAtOnce()
    {
        final Crew crew = new Crew(2);
        crew.busy[0] = true;
        crew.busy[1] = true;
        crew.boxesUsed[0] = 1;
        crew.boxesUsed[1] = 1;
        crew.waiting = 10;
        crew.oldest = 5;
        crew.perBatch = 4;
        assertEquals(1, CutterDuty.cycle(crew, crew, 2, 4, 64, 1_000_000, false, 10));
        assertEquals(List.of("0:4:BUDGET"), crew.handed, "10 >= budget 4 x 2 workers; the 6 left are less than a batch per worker");
        crew.waiting = 20;
        crew.handed.clear();
        assertEquals(1, CutterDuty.cycle(crew, crew, 2, 4, 64, 1_000_000, false, 10));
        assertEquals(List.of("1:4:BUDGET"), crew.handed, "worker 0 has both boxes full: only worker 1 can take one");
    }

    @Test
    void queueBehindNamesItsReason()
    {
        final Crew crew = new Crew(2);
        assertNull(CutterDuty.queueBehind(crew, 2, 10, 64, 1_000, false, 0), "nothing waits");
        crew.waiting = 3;
        crew.oldest = 100;
        assertNull(CutterDuty.queueBehind(crew, 2, 10, 64, 1_000, false, 1_099), "below a batch per worker, linger not yet run out");
        assertEquals(CloseReason.LINGER, CutterDuty.queueBehind(crew, 2, 10, 64, 1_000, false, 1_100));
        assertEquals(CloseReason.DRAIN, CutterDuty.queueBehind(crew, 2, 10, 64, 1_000, true, 0));
        assertEquals(CloseReason.BUDGET, CutterDuty.queueBehind(crew, 2, 1.5, 64, 1_000, false, 0), "3 >= 1.5 x 2");
        assertEquals(CloseReason.BUDGET, CutterDuty.queueBehind(crew, 2, 100, 1, 1_000, false, 0), "3 items >= 1 per batch x 2");
    }

    @Test
    void theCutterLooksAtTheLingerWhereABoxIsFreeAndOnceALingerWhileNoWorkerIdles()
    {
        assertEquals(1_100, CutterDuty.nextTimer(500, Long.MAX_VALUE, true, 100, 1_000), "the oldest item's linger");
        assertEquals(Long.MAX_VALUE, CutterDuty.nextTimer(500, Long.MAX_VALUE, false, 100, 1_000), "no box free: a hand-back wakes it");
        assertEquals(800, CutterDuty.nextTimer(500, 800, false, 100, 1_000), "its own timer (deadlines) still counts");
        assertEquals(2_000 + CutterDuty.RETRY_NANOS, CutterDuty.nextTimer(2_000, Long.MAX_VALUE, true, 100, 1_000), "already due: retry");
        assertEquals(Long.MAX_VALUE, CutterDuty.nextTimer(0, Long.MAX_VALUE, true, Long.MAX_VALUE, 1_000), "nothing waits");
        assertEquals(Long.MAX_VALUE, CutterDuty.parkUntil(0, Long.MAX_VALUE, true, 1_000), "a publish wakes it");
        assertEquals(CutterDuty.RETRY_NANOS, CutterDuty.parkUntil(0, Long.MAX_VALUE, false, 10), "at least the retry");
        assertEquals(1_000_000, CutterDuty.parkUntil(0, 5_000_000, false, 1_000_000), "a look once a linger");
    }
}
