package dev.spindle.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A deterministic English-like corpus for the embedding benches: pronounceable words from syllables,
 * drawn Zipf-distributed (s = 1.07, like natural text) into files of lognormal size around 4 KiB.
 * Cheap to regenerate each trial, at the price of none of the structure of real prose or code.
 */
final class SyntheticCorpus
{
    private static final String[] ONSETS = {"", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w",
        "br", "ch", "cl", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "sl", "sp", "st", "str", "th", "tr"};
    private static final String[] NUCLEI = {"a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "ng", "nt", "rs", "st", "ck", "tion", "ment", "ing", "ed"};

    private SyntheticCorpus()
    {
    }

    /** {@code files} UTF-8 texts from a vocabulary of {@code vocabulary} words; equal seeds give equal corpora. */
    static byte[][] generate(final long seed, final int files, final int vocabulary)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] words = new String[vocabulary];
        for (int i = 0; i < vocabulary; i++)
        {
            words[i] = word(random, 1 + Math.min(3, i / 200 + random.nextInt(2)));
        }
        final double[] cdf = zipfCdf(vocabulary, 1.07);
        final byte[][] corpus = new byte[files][];
        final StringBuilder text = new StringBuilder();
        for (int f = 0; f < files; f++)
        {
            final int size = (int)Math.min(256 * 1024, Math.max(64, Math.exp(Math.log(4096) + 0.75 * gaussian(random))));
            text.setLength(0);
            int sentence = 0;
            while (text.length() < size)
            {
                final String w = words[sample(cdf, random.nextDouble())];
                if (sentence == 0)
                {
                    text.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
                }
                else
                {
                    text.append(w);
                }
                sentence++;
                if (sentence > 6 && random.nextInt(10) == 0)
                {
                    text.append(random.nextInt(4) == 0 ? ".\n" : ". ");
                    sentence = 0;
                }
                else
                {
                    text.append(random.nextInt(12) == 0 ? ", " : " ");
                }
            }
            corpus[f] = text.toString().getBytes(StandardCharsets.UTF_8);
        }
        return corpus;
    }

    private static String word(final SplittableRandom random, final int syllables)
    {
        final StringBuilder w = new StringBuilder();
        for (int s = 0; s < syllables; s++)
        {
            w.append(ONSETS[random.nextInt(ONSETS.length)]).append(NUCLEI[random.nextInt(NUCLEI.length)]);
        }
        return w.append(CODAS[random.nextInt(CODAS.length)]).toString();
    }

    private static double[] zipfCdf(final int n, final double s)
    {
        final double[] cdf = new double[n];
        double total = 0;
        for (int r = 0; r < n; r++)
        {
            total += 1.0 / Math.pow(r + 1, s);
            cdf[r] = total;
        }
        for (int r = 0; r < n; r++)
        {
            cdf[r] /= total;
        }
        return cdf;
    }

    private static int sample(final double[] cdf, final double u)
    {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static double gaussian(final SplittableRandom random)
    {
        final double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
