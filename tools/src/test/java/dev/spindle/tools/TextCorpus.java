package dev.spindle.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Small deterministic labelled text the tests make themselves: each category draws most words from
 * its own vocabulary and the rest from a shared one, so a working embedding separates them and a
 * broken one (e.g. all-zero or random vectors) does not.
 */
final class TextCorpus
{
    static final String[][] VOCABULARY = {
        {"kernel", "thread", "compiler", "memory", "cache", "socket", "buffer", "process", "scheduler", "register"},
        {"recipe", "butter", "garlic", "oven", "simmer", "flour", "pepper", "onion", "sauce", "basil"},
        {"goalkeeper", "referee", "stadium", "penalty", "league", "striker", "tackle", "season", "trophy", "midfield"},
    };
    static final String[] CATEGORIES = {"computers", "food", "sports"};
    static final String[] SHARED = {"the", "and", "of", "a", "to", "in", "is", "it", "that", "was", "for", "on", "with", "as", "at"};

    private TextCorpus()
    {
    }

    /** Writes {@code perCategory} files per category under dir/CATEGORY/ and returns dir. */
    static Path write(final Path dir, final int perCategory, final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < CATEGORIES.length; c++)
        {
            final Path folder = Files.createDirectories(dir.resolve(CATEGORIES[c]));
            for (int f = 0; f < perCategory; f++)
            {
                Files.writeString(folder.resolve(f + ".txt"), document(c, random), StandardCharsets.UTF_8);
            }
        }
        return dir;
    }

    static String document(final int category, final SplittableRandom random)
    {
        final StringBuilder text = new StringBuilder();
        final int words = 40 + random.nextInt(200);
        for (int w = 0; w < words; w++)
        {
            final String[] from = random.nextInt(100) < 40 ? VOCABULARY[category] : SHARED;
            text.append(from[random.nextInt(from.length)]).append(w % 12 == 11 ? ".\n" : " ");
        }
        return text.toString();
    }
}
