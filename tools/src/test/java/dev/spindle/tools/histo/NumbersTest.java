package dev.spindle.tools.histo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Latencies print in the unit a person reads, with three significant digits. */
class NumbersTest
{
    @Test
    void latenciesPickMicrosMillisOrSecondsAndNeverPrintAThousand()
    {
        assertEquals("0.45 µs", Numbers.latency(450));
        assertEquals("12.3 µs", Numbers.latency(12_345));
        assertEquals("123 µs", Numbers.latency(123_456));
        assertEquals("1.00 ms", Numbers.latency(999_999), "999.999 µs rounds to 1000 µs, which is 1.00 ms");
        assertEquals("41.9 ms", Numbers.latency(41_940_000));
        assertEquals("2.50 s", Numbers.latency(2_500_000_000.0));
        assertEquals("4000 s", Numbers.latency(4e12), "seconds are the largest unit");
        assertEquals("-", Numbers.latency(Double.NaN));
    }

    @Test
    void plainNumbersHaveNoExponentAndNoTrailingZeros()
    {
        assertEquals("99.9", Numbers.plain(99.9));
        assertEquals("50", Numbers.plain(50.0));
        assertEquals("0.0001", Numbers.plain(1e-4));
        assertEquals("12.346", Numbers.plain(Numbers.micros(12_345.6)), "microseconds to the nanosecond");
        assertEquals("40,000", Numbers.count(40_000));
    }
}
