package dev.spindle.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.engine.DeadlineFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lanes on their own, over plain arrays: order, aging, urgency, deadlines, draining and the running sums. */
class PriorityLanesTest
{
    private static final long AGING = 1_000;

    /** Items by index: lane, cost, submit time, deadline; arrival order is the index. */
    private static final class Items implements PriorityLanes.Items
    {
        final int[] lane = new int[16];
        final double[] cost = new double[16];
        final long[] submit = new long[16];
        final long[] deadline = new long[16];

        Items()
        {
            Arrays.fill(cost, 1);
            Arrays.fill(deadline, DeadlineFunction.NO_DEADLINE);
        }

        Items item(final int i, final int lane, final double cost, final long submit)
        {
            this.lane[i] = lane;
            this.cost[i] = cost;
            this.submit[i] = submit;
            return this;
        }

        @Override
        public int lane(final int item)
        {
            return lane[item];
        }

        @Override
        public double complexity(final int item)
        {
            return cost[item];
        }

        @Override
        public long submitNanos(final int item)
        {
            return submit[item];
        }

        @Override
        public long deadlineNanos(final int item)
        {
            return deadline[item];
        }

        @Override
        public long order(final int item)
        {
            return item;
        }
    }

    private static List<Integer> takeAll(final PriorityLanes lanes, final long now)
    {
        final List<Integer> taken = new ArrayList<>();
        int item;
        while ((item = lanes.peekNext(now)) != PriorityLanes.NONE)
        {
            lanes.remove(item);
            taken.add(item);
        }
        return taken;
    }

    @Test
    void theHighestLaneGoesFirstAndEachLaneIsFifo()
    {
        final Items items = new Items().item(0, 2, 1, 0).item(1, 0, 1, 0).item(2, 2, 1, 0).item(3, 1, 1, 0).item(4, 0, 1, 0);
        final PriorityLanes lanes = new PriorityLanes(3, 16, AGING, items);
        for (int i = 0; i < 5; i++)
        {
            lanes.add(i);
        }
        assertEquals(List.of(1, 4, 3, 0, 2), takeAll(lanes, 0), "lane 0 first, arrival order within a lane");
        assertTrue(lanes.isEmpty());
    }

    @Test
    void aLaneHeadWaitingPastTheAgingBoundGoesFirstOldestFirst()
    {
        final Items items = new Items().item(0, 2, 1, 0).item(1, 1, 1, 100).item(2, 0, 1, 900);
        final PriorityLanes lanes = new PriorityLanes(3, 16, AGING, items);
        lanes.add(0);
        lanes.add(1);
        lanes.add(2);
        assertEquals(2, lanes.peekNext(999), "nothing aged yet: the highest lane");
        assertEquals(0, lanes.peekNext(1_000), "lane 2's head has waited the aging bound");
        assertEquals(0, lanes.peekNext(1_100), "both aged: the one submitted first");
        lanes.remove(0);
        assertEquals(1, lanes.peekNext(1_100));
    }

    @Test
    void sizeComplexityAndTheOldestAndLowestOrderFollowAddsAndRemoves()
    {
        final Items items = new Items().item(0, 1, 2.5, 10).item(1, 0, 0.5, 20).item(2, 1, 1, 30);
        final PriorityLanes lanes = new PriorityLanes(2, 16, AGING, items);
        assertEquals(Long.MAX_VALUE, lanes.oldestStagedNanos());
        assertEquals(Long.MAX_VALUE, lanes.lowestOrder());
        lanes.add(0);
        lanes.add(1);
        lanes.add(2);
        assertEquals(3, lanes.size());
        assertEquals(4.0, lanes.complexity(), 1e-12);
        assertEquals(10, lanes.oldestStagedNanos());
        assertEquals(0, lanes.lowestOrder());
        lanes.remove(lanes.peekNext(0)); // item 1, lane 0
        assertEquals(2, lanes.size());
        assertEquals(3.5, lanes.complexity(), 1e-12);
        assertEquals(10, lanes.oldestStagedNanos());
        lanes.remove(lanes.peekNext(0)); // item 0
        assertEquals(30, lanes.oldestStagedNanos());
        assertEquals(2, lanes.lowestOrder());
        lanes.remove(lanes.peekNext(0));
        assertEquals(0.0, lanes.complexity(), "exactly zero when empty: no drift from subtraction");
        assertFalse(lanes.hasUrgent());
    }

    @Test
    void deadlinesExpireOrPromoteToTheUrgentLaneWhichGoesFirst()
    {
        final Items items = new Items().item(0, 0, 1, 0).item(1, 1, 1, 0).item(2, 1, 2, 0).item(3, 1, 1, 0);
        items.deadline[1] = 500; // past by 600: expires
        items.deadline[2] = 700; // due before 800: urgent
        items.deadline[3] = 5_000; // stays, the earliest left
        final PriorityLanes lanes = new PriorityLanes(2, 16, AGING, items);
        for (int i = 0; i < 4; i++)
        {
            lanes.add(i);
        }
        final List<Integer> expired = new ArrayList<>();
        final long earliest = lanes.scanDeadlines(600, 800, (item, now) -> expired.add(item));
        assertEquals(List.of(1), expired);
        assertEquals(5_000, earliest);
        assertEquals(3, lanes.size());
        assertEquals(4.0, lanes.complexity(), 1e-12, "the expired item's cost left the sum");
        assertTrue(lanes.hasUrgent());
        assertEquals(2, lanes.peekNext(600), "urgent before the higher lane");
        assertTrue(lanes.isUrgent(2));
        assertFalse(lanes.isUrgent(0));
        assertEquals(List.of(2, 0, 3), takeAll(lanes, 600));
    }

    @Test
    void drainingEmptiesEveryLaneIntoTheSinkAndTheLanesAreReusable()
    {
        final Items items = new Items().item(0, 1, 1, 0).item(1, 0, 1, 0).item(2, 1, 1, 0);
        items.deadline[2] = 10;
        final PriorityLanes lanes = new PriorityLanes(2, 16, AGING, items);
        lanes.add(0);
        lanes.add(1);
        lanes.add(2);
        lanes.scanDeadlines(0, 100, (item, now) -> { });
        final List<Integer> drained = new ArrayList<>();
        lanes.drainTo((item, now) -> drained.add(item), 0);
        assertEquals(List.of(2, 1, 0), drained, "urgent lane, then by lane");
        assertTrue(lanes.isEmpty());
        assertEquals(0.0, lanes.complexity());
        lanes.add(0);
        assertFalse(lanes.isUrgent(0));
        assertEquals(List.of(0), takeAll(lanes, 0));
    }
}
