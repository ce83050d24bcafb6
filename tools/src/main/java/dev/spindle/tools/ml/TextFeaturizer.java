package dev.spindle.tools.ml;

/**
 * Turns decoded text into signed hashed features: lower-cased letter/digit word tokens plus their
 * character n-grams. Counts go into a dense float[buckets] with a bitset of touched buckets, so the
 * sparse result comes out ascending without a sort; the price is buckets x 4 bytes per thread.
 */
final class TextFeaturizer
{
    private static final int WORD_SALT = 0x7F4A7C15;
    private static final int GRAM_SALT = 0x2545F491;

    private final int bucketMask;
    private final int minGram;
    private final int maxGram;
    private final int wordSeed;
    private final int gramSeed;
    private final float[] counts;
    private final long[] touched;
    /** The current token between '<' and '>' markers; a lower-cased code point may take two chars. */
    private final char[] token;

    TextFeaturizer(final EmbeddingConfig config)
    {
        bucketMask = config.buckets() - 1;
        minGram = config.minGram();
        maxGram = config.maxGram();
        wordSeed = (int)config.seed() ^ WORD_SALT;
        gramSeed = (int)(config.seed() >>> 32) ^ GRAM_SALT;
        counts = new float[config.buckets()];
        touched = new long[(config.buckets() + 63) >>> 6];
        token = new char[2 * config.textCapBytes() + 2];
    }

    /** Featurizes {@code text[0, length)} into {@code out} (cleared first); returns the token count. */
    long featurize(final char[] text, final int length, final SparseFeatures out)
    {
        out.clear();
        long tokens = 0;
        int end = 1;
        token[0] = '<';
        int i = 0;
        while (i < length)
        {
            final char c = text[i];
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1]))
            {
                cp = Character.toCodePoint(c, text[i + 1]);
                width = 2;
            }
            i += width;
            if (cp < 128 ? isAsciiAlnum(cp) : Character.isLetterOrDigit(cp))
            {
                if (cp < 128)
                {
                    token[end++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                }
                else
                {
                    end += Character.toChars(Character.toLowerCase(cp), token, end);
                }
            }
            else if (end > 1)
            {
                addToken(end);
                tokens++;
                end = 1;
            }
        }
        if (end > 1)
        {
            addToken(end);
            tokens++;
        }
        drain(out);
        return tokens;
    }

    private static boolean isAsciiAlnum(final int c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The token is {@code token[1, end)}; its n-grams run over the '<'/'>'-padded form. */
    private void addToken(final int end)
    {
        add(MurmurHash3.hashChars(token, 1, end, wordSeed));
        token[end] = '>';
        final int padded = end + 1;
        // n-grams within padded tokens (fastText): sub-word and prefix/suffix cues without gluing unrelated neighbours together
        for (int start = 0; start + minGram <= padded; start++)
        {
            final int longest = Math.min(maxGram, padded - start);
            for (int n = minGram; n <= longest; n++)
            {
                add(MurmurHash3.hashChars(token, start, start + n, gramSeed));
            }
        }
    }

    /** The top hash bit is the sign, the low bits the bucket. */
    private void add(final int hash)
    {
        final int bucket = hash & bucketMask;
        counts[bucket] += hash < 0 ? -1f : 1f;
        touched[bucket >>> 6] |= 1L << bucket;
    }

    /** Walks the touched buckets in order into {@code out}, clearing counts and bitset behind it. */
    private void drain(final SparseFeatures out)
    {
        for (int w = 0; w < touched.length; w++)
        {
            long bits = touched[w];
            if (bits == 0)
            {
                continue;
            }
            touched[w] = 0;
            while (bits != 0)
            {
                final int bucket = (w << 6) | Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final float c = counts[bucket];
                counts[bucket] = 0f;
                if (c != 0f)
                {
                    out.add(bucket, Math.signum(c) * (float)Math.log1p(Math.abs(c)));
                }
            }
        }
    }
}
