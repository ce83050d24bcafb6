package dev.spindle.tools.ml;

import java.util.Arrays;

/**
 * Counts of a categoriser against the truth: a confusion matrix (true x predicted) over a fixed
 * list of category names, top-3 hits and majority-baseline hits; every figure people read comes
 * from these counts. Not thread-safe: callers add under their own lock.
 */
public final class Evaluation
{
    private final String[] names;
    private final long[][] confusion;
    private long files;
    private long top3;
    private long baseline;

    public Evaluation(final String[] names)
    {
        this.names = names.clone();
        this.confusion = new long[names.length][names.length];
    }

    /**
     * @param truth    true category index
     * @param ranked   predicted category indices, best first (at least one)
     * @param majority the baseline's answer for this file
     */
    public void add(final int truth, final int[] ranked, final int majority)
    {
        files++;
        confusion[truth][ranked[0]]++;
        for (int i = 0; i < Math.min(3, ranked.length); i++)
        {
            if (ranked[i] == truth)
            {
                top3++;
                break;
            }
        }
        baseline += truth == majority ? 1 : 0;
    }

    public String[] names()
    {
        return names.clone();
    }

    public long files()
    {
        return files;
    }

    public long confusion(final int truth, final int predicted)
    {
        return confusion[truth][predicted];
    }

    /** Files whose first answer was right. */
    public long correct()
    {
        long correct = 0;
        for (int c = 0; c < names.length; c++)
        {
            correct += confusion[c][c];
        }
        return correct;
    }

    public double top1()
    {
        return files == 0 ? 0 : (double) correct() / files;
    }

    public double top3()
    {
        return files == 0 ? 0 : (double) top3 / files;
    }

    public double majorityBaseline()
    {
        return files == 0 ? 0 : (double) baseline / files;
    }

    /** Files whose true category is {@code c}. */
    public long support(final int c)
    {
        return Arrays.stream(confusion[c]).sum();
    }

    public long predicted(final int c)
    {
        long sum = 0;
        for (final long[] row : confusion)
        {
            sum += row[c];
        }
        return sum;
    }

    /** NaN when nothing was predicted as {@code c}. */
    public double precision(final int c)
    {
        final long predicted = predicted(c);
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    /** NaN when no file is truly {@code c}. */
    public double recall(final int c)
    {
        final long support = support(c);
        return support == 0 ? Double.NaN : (double) confusion[c][c] / support;
    }

    /** 0 when precision or recall is undefined or both are 0. */
    public double f1(final int c)
    {
        final double p = precision(c);
        final double r = recall(c);
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean F1 over the categories that occur in the truth. */
    public double macroF1()
    {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < names.length; c++)
        {
            if (support(c) > 0)
            {
                sum += f1(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }
}
