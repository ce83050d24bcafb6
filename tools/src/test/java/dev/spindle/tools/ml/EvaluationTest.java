package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationTest
{
    @Test
    void figuresFollowFromTheConfusionMatrix()
    {
        final Evaluation e = new Evaluation(new String[] {"a", "b", "c"});
        // truth a: 3 files, 2 right, one taken for b (b was its second answer)
        e.add(0, new int[] {0, 1, 2}, 0);
        e.add(0, new int[] {0, 2, 1}, 0);
        e.add(0, new int[] {1, 0, 2}, 0);
        // truth b: 1 file, right
        e.add(1, new int[] {1, 0, 2}, 0);
        // truth c: 1 file, taken for a, c not in its top 3 list of two
        e.add(2, new int[] {0, 1}, 0);

        assertEquals(5, e.files());
        assertEquals(3.0 / 5, e.top1(), 1e-12);
        assertEquals(4.0 / 5, e.top3(), 1e-12);
        assertEquals(3.0 / 5, e.majorityBaseline(), 1e-12);
        assertEquals(2, e.confusion(0, 0));
        assertEquals(1, e.confusion(0, 1));
        assertEquals(1, e.confusion(2, 0));
        assertEquals(2.0 / 3, e.precision(0), 1e-12);
        assertEquals(2.0 / 3, e.recall(0), 1e-12);
        assertEquals(0.5, e.precision(1), 1e-12);
        assertEquals(1.0, e.recall(1), 1e-12);
        assertTrue(Double.isNaN(e.precision(2)), "nothing predicted as c");
        assertEquals(0.0, e.f1(2), 1e-12);
        assertEquals((2.0 / 3 + 2.0 / 3 + 0) / 3, e.macroF1(), 1e-12);
    }
}
