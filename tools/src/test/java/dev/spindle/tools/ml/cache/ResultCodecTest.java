package dev.spindle.tools.ml.cache;

import static dev.spindle.tools.ml.cache.Fixtures.assertResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spindle.tools.ml.Category;

class ResultCodecTest
{
    @Test
    void resultsRoundTripCompactly()
    {
        for (int i = 0; i < 6; i++)
        {
            final byte[] bytes = ResultCodec.encode(Fixtures.result(i));
            assertResult(i, ResultCodec.decode(bytes));
            assertEquals(Fixtures.result(i).embedding() == null ? 58 : 58 + 4 * Fixtures.DIMS, bytes.length);
        }
    }

    @Test
    void aSparseModelsCategoriesRoundTripWithItsDigest()
    {
        final CachedResult plain = Fixtures.result(2);
        final CachedResult scored = new CachedResult(plain.analysis(), plain.embedding(), 0xABCDEF12L,
            List.of(new Category("caf\u00e9", 0.75), new Category("x", 0.125)));
        final CachedResult back = ResultCodec.decode(ResultCodec.encode(scored));
        assertEquals(0xABCDEF12L, back.scoredBy());
        assertEquals(scored.categories(), back.categories());
        assertArrayEquals(plain.embedding(), back.embedding());
        assertEquals(plain.analysis(), back.analysis());
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
