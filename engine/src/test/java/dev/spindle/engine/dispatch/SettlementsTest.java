package dev.spindle.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A batch's settlements on their own: what is written, what a re-run clears, what a reset leaves behind. */
class SettlementsTest
{
    @Test
    void succeedAndFailRecordResultsAndReasons()
    {
        final Settlements s = new Settlements(4);
        s.succeed(0, "r0");
        s.fail(1, "bad");
        s.fail(2, null);
        s.succeed(3, null);
        assertEquals("r0", s.resultAt(0));
        assertNull(s.resultAt(3));
        assertTrue(s.failedAt(1));
        assertFalse(s.failedAt(0));
        assertEquals("bad", s.reasonAt(1));
        assertEquals("failed (no reason given)", s.reasonAt(2));
        assertTrue(s.anyFailed(4));
        assertFalse(s.anyFailed(1), "only the first position counted");
    }

    @Test
    void aFailAfterASuccessWithAResultDropsTheResult()
    {
        final Settlements s = new Settlements(2);
        s.succeed(0, "first run");
        s.fail(0, "second run threw");
        assertNull(s.resultAt(0));
        assertTrue(s.failedAt(0));
    }

    @Test
    void clearEmptiesARangeForARerunAndResetEmptiesTheBatch()
    {
        final Settlements s = new Settlements(4);
        s.succeed(0, "a");
        s.fail(1, "b");
        s.succeed(2, "c");
        s.clear(1, 3);
        assertEquals("a", s.resultAt(0));
        assertFalse(s.failedAt(1));
        assertNull(s.reasonAt(1));
        assertNull(s.resultAt(2));
        s.reset(4);
        assertNull(s.resultAt(0));
        assertFalse(s.anyFailed(4));
    }
}
