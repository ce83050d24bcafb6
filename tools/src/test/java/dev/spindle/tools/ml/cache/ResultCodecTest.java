package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ResultCodecTest
{
    @Test
    void resultsRoundTripCompactly()
    {
        for (int i = 0; i < 6; i++)
        {
            final byte[] bytes = ResultCodec.encode(Fixtures.result(i));
            assertResult(i, ResultCodec.decode(bytes));
            assertEquals(Fixtures.result(i).embedding() == null ? 49 : 49 + 4 * Fixtures.DIMS, bytes.length);
        }
    }

    @Test
    void anyDamageIsAMissNotAWrongResult()
    {
        final byte[] bytes = ResultCodec.encode(Fixtures.result(1));
        for (int at = 0; at < bytes.length; at += 13)
        {
            final byte[] damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assertNull(ResultCodec.decode(damaged), "bit flipped at " + at);
        }
        assertNull(ResultCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        assertNull(ResultCodec.decode(new byte[0]));
    }

    @Test
    void aPathValueHitsOnlyForTheSameSizeAndMtime()
    {
        final byte[] value = ResultCodec.pathValue(10, 20, Fixtures.hash(3));
        assertArrayEquals(Fixtures.hash(3), ResultCodec.hashIfUnchanged(value, 10, 20));
        assertNull(ResultCodec.hashIfUnchanged(value, 10, 21));
        assertNull(ResultCodec.hashIfUnchanged(value, 11, 20));
        assertArrayEquals(Fixtures.hash(3), ResultCodec.hashOf(value));
    }
}
