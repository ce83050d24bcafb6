package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LabelledRowsTest
{
    @Test
    void aFoldAndItsComplementShareTheRowsAndCoverEachOnce()
    {
        final float[][] x = new float[10][];
        for (int i = 0; i < x.length; i++)
        {
            x[i] = new float[] {i};
        }
        final int[] y = IntStream.range(0, 10).map(i -> i % 2).toArray();
        final int[] fold = IntStream.range(0, 10).map(i -> i * 7).toArray();
        final LabelledRows<float[]> rows = new LabelledRows<>(new String[] {"a", "b"}, x, y, fold);
        final LabelledRows<float[]> in = rows.fold(3, 1, true);
        final LabelledRows<float[]> out = rows.fold(3, 1, false);
        assertEquals(10, in.x().length + out.x().length);
        assertEquals(float[][].class, in.x().getClass(), "the row type survives the fold");
        for (int i = 0; i < in.x().length; i++)
        {
            assertEquals(1, in.fold()[i] % 3);
            assertSame(x[(int) in.x()[i][0]], in.x()[i], "shared, not copied");
            assertEquals(y[(int) in.x()[i][0]], in.y()[i]);
        }
        assertArrayEquals(new long[] {5, 5}, rows.counts());
        assertEquals(2, in.classes());
    }

    @Test
    void theHeldOutTenthIsStableAndDisjointAndNoneUnderFiftyRows()
    {
        assertEquals(0, HeldOutSplit.of(49, 7).test().length);
        assertEquals(49, HeldOutSplit.of(49, 7).train().length);
        final HeldOutSplit split = HeldOutSplit.of(1_000, 7);
        assertEquals(1_000, split.train().length + split.test().length);
        assertEquals(100, split.test().length, 25.0, "about a tenth");
        final int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1_000).toArray(), all);
        assertArrayEquals(split.test(), HeldOutSplit.of(1_000, 7).test(), "same seed, same split");
    }
}
