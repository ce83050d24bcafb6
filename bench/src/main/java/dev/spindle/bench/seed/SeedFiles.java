package dev.spindle.bench.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic set of files carrying every attribute the seed's formulas read. The seed gives no
 * distribution, so this one is ours: size lognormal (median 8 KiB, σ = 1), content loaded for 70 %,
 * 0-4 categories, urgent 5 %, embedding 50 %, analysed 50 %, user-requested 10 %, recently accessed 20 %.
 */
public final class SeedFiles
{
    private SeedFiles()
    {
    }

    public static List<SeedFile> generate(final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<SeedFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long size = Math.max(1, Math.round(8 * 1024 * Math.exp(random.nextGaussian())));
            final long content = random.nextDouble() < 0.7 ? size : 0;
            files.add(new SeedFile(i, size, content, random.nextInt(5), random.nextDouble() < 0.05, random.nextDouble() < 0.5,
                random.nextDouble() < 0.5, random.nextDouble() < 0.1, random.nextDouble() < 0.2));
        }
        return files;
    }
}
