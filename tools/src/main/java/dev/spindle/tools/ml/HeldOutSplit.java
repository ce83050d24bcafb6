package dev.spindle.tools.ml;

import java.util.Random;

/**
 * The rows a trainer fits on and the tenth it holds out to stop early, chosen by a hash of the row index and
 * the seed (equal inputs and seed give the same split). Under 50 rows nothing is held out: a tenth of so few
 * would say nothing.
 *
 * @param train row indices to fit on
 * @param test  held-out row indices, possibly none
 */
record HeldOutSplit(int[] train, int[] test)
{
    static final int MIN_ROWS = 50;

    static HeldOutSplit of(final int rows, final long seed)
    {
        final boolean[] heldOut = new boolean[rows];
        int held = 0;
        if (rows >= MIN_ROWS)
        {
            for (int i = 0; i < rows; i++)
            {
                heldOut[i] = Integer.remainderUnsigned(i * 0x9E3779B1 ^ (int) seed, 10) == 0;
                held += heldOut[i] ? 1 : 0;
            }
        }
        final int[] train = new int[rows - held];
        final int[] test = new int[held];
        for (int i = 0, t = 0, h = 0; i < rows; i++)
        {
            if (heldOut[i])
            {
                test[h++] = i;
            }
            else
            {
                train[t++] = i;
            }
        }
        return new HeldOutSplit(train, test);
    }

    /** Fisher-Yates: the order a trainer visits its rows in for one epoch (the same seed, the same order). */
    static void shuffle(final int[] order, final Random random)
    {
        for (int i = order.length - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
