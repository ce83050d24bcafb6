package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTextTest
{
    @Test
    void walkingShowsCountsAndTheAverageRate()
    {
        assertEquals("13,712 seen  6,307 done  2 not ok  901 files/s", ProgressText.walking(13_712, 6_307, 2, 7.0, 120));
    }

    @Test
    void theBarShowsPercentCountsRateAndEta()
    {
        final String line = ProgressText.bar(1000, 420, 0, 4.2, 100);
        assertEquals("[================>                       ]  42%  420/1,000  100 files/s  ETA 0:06", line);
    }

    @Test
    void percentRoundsDownSoOneHundredMeansDone()
    {
        assertTrue(ProgressText.bar(1000, 999, 0, 1, 100).contains(" 99%  999/1,000"));
        assertTrue(ProgressText.bar(1000, 1000, 0, 1, 100).contains("100%  1,000/1,000"));
        assertTrue(ProgressText.bar(1000, 1000, 0, 1, 100).contains("ETA 0:00"));
        assertTrue(ProgressText.bar(0, 0, 0, 1, 100).contains("100%  0/0"), "an empty tree is done");
    }

    @Test
    void failuresAreNamedOnlyWhenThereAreSome()
    {
        assertTrue(ProgressText.bar(10, 5, 3, 1, 100).endsWith("ETA 0:01  3 not ok"));
    }

    @Test
    void etaIsMinutesSecondsThenHoursAndUnknownBeforeAnyFileFinished()
    {
        assertEquals("0:00", ProgressText.eta(0));
        assertEquals("0:01", ProgressText.eta(0.2));
        assertEquals("1:05", ProgressText.eta(65));
        assertEquals("59:59", ProgressText.eta(3599));
        assertEquals("1:00:00", ProgressText.eta(3600));
        assertEquals("27:46:40", ProgressText.eta(100_000));
        assertEquals("--:--", ProgressText.eta(Double.NaN));
        assertEquals("--:--", ProgressText.eta(Double.POSITIVE_INFINITY));
        assertTrue(ProgressText.bar(100, 0, 0, 3, 100).contains("ETA --:--"));
    }

    @Test
    void theLineNeverReachesTheLastColumn()
    {
        for (int width = 20; width <= 200; width++)
        {
            assertTrue(ProgressText.bar(123_456_789, 12_345_678, 1_234, 98.7, width).length() < width, "width " + width);
            assertTrue(ProgressText.walking(123_456_789, 12_345_678, 1_234, 98.7, width).length() < width, "width " + width);
        }
    }

    @Test
    void theBarGrowsWithTheWidthUpToItsMostAndGoesWhenItWouldBeTooShort()
    {
        assertEquals(ProgressText.MAX_BAR + 1, ProgressText.bar(10, 5, 0, 1, 300).indexOf(']'));
        assertTrue(ProgressText.bar(10, 5, 0, 1, 40).startsWith(" 50%"), ProgressText.bar(10, 5, 0, 1, 40));
    }
}
