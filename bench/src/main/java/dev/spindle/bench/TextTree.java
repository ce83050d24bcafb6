package dev.spindle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A deterministic tree of text files for the real-files workloads: lognormal sizes (median
 * {@code medianBytes}, σ = 1, capped at 1 MiB), 100 files per folder, prose drawn from a Zipf(1.1)
 * vocabulary of 20,000 made-up words, so tokens, n-grams and their frequencies look like language.
 * The same seed writes the same bytes.
 */
public final class TextTree
{
    static final int FILES_PER_FOLDER = 100;
    static final int VOCABULARY = 20_000;
    static final int MAX_BYTES = 1 << 20;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "an", "er", "is", "on", "ul", "tra",
        "ple", "str", "gh", "th", "qu", "ze", "bi", "do", "fu", "ge", "hy", "jo", "wi", "xe", "ch", "sh"};

    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];

    public TextTree(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        for (int w = 0; w < VOCABULARY; w++)
        {
            final StringBuilder word = new StringBuilder();
            final int syllables = 1 + random.nextInt(4);
            for (int s = 0; s < syllables; s++)
            {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[w] = word.toString();
            sum += 1 / Math.pow(w + 1, 1.1);
            cumulative[w] = sum;
        }
        for (int w = 0; w < VOCABULARY; w++)
        {
            cumulative[w] /= sum;
        }
    }

    /** Writes {@code files} files under {@code dir}; returns the total bytes written. */
    public long write(final Path dir, final int files, final int medianBytes, final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final StringBuilder text = new StringBuilder();
        long total = 0;
        for (int f = 0; f < files; f++)
        {
            final Path folder = Files.createDirectories(dir.resolve(String.format("d%04d", f / FILES_PER_FOLDER)));
            final double normal = gaussian(random);
            final int size = (int) Math.min(MAX_BYTES, Math.max(1, medianBytes * Math.exp(normal)));
            text.setLength(0);
            int line = 0;
            while (text.length() < size)
            {
                text.append(word(random));
                if (++line % 12 == 0)
                {
                    text.append(".\n");
                }
                else
                {
                    text.append(' ');
                }
            }
            text.setLength(size);
            final byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(folder.resolve("f" + f + ".txt"), bytes);
            total += bytes.length;
        }
        return total;
    }

    private String word(final SplittableRandom random)
    {
        final double u = random.nextDouble();
        int lo = 0;
        int hi = VOCABULARY - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return words[lo];
    }

    private static double gaussian(final SplittableRandom random)
    {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        final double u1 = Math.max(random.nextDouble(), Double.MIN_VALUE);
        final double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
