package dev.spindle.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest
{
    @Test
    void durationsKeepThreeDigitsAndNeverPrintAThousandOfAUnit()
    {
        assertEquals("726 µs", Figures.nanos(726_000));
        assertEquals("1.00 ms", Figures.nanos(999_700));
        assertEquals("18.3 ms", Figures.nanos(18_300_000));
        assertEquals("1.00 s", Figures.nanos(999_800_000));
        assertEquals("2.36 s", Figures.nanos(2_360_000_000L));
        assertEquals("1234 s", Figures.nanos(1_234e9));
        assertEquals("-", Figures.nanos(-1));
    }
}
