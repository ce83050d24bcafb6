package dev.spindle.tools.ml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import dev.spindle.tools.TextSniffer;

/**
 * One streaming pass per file: SHA-256, size and lines over every byte; the sniff, byte entropy and
 * hashed features over the first text-cap bytes only, so a file's work is its prefix plus a hash pass
 * (a 20 GB file costs what {@code --processor stat} pays), at the price of entropy describing the prefix.
 * All buffers (64 KiB read, text-cap bytes and chars, the featurizer's dense counts and token) are
 * per analyzer: no per-file garbage, ~2 MiB per worker thread.
 */
public final class FileAnalyzer
{
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Check for an abandon every this many buffers (4 MiB), as the stat processor does. */
    private static final int ABANDON_CHECK_BUFFERS = 64;
    private static final double LN_2 = Math.log(2);

    private final int textCap;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private final byte[] text;
    private final char[] chars;
    private final ByteBuffer textIn;
    private final CharBuffer charsOut;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final long[] histogram = new long[256];
    private final MessageDigest digest = sha256();
    private final TextFeaturizer featurizer;
    private final byte[] hash = new byte[32];

    private long size;
    private long newlines;
    private byte last;
    private boolean binary;
    private int textLength;

    public FileAnalyzer(final EmbeddingConfig config)
    {
        textCap = config.textCapBytes();
        text = new byte[textCap];
        chars = new char[textCap];
        textIn = ByteBuffer.wrap(text);
        charsOut = CharBuffer.wrap(chars);
        featurizer = new TextFeaturizer(config);
    }

    /**
     * Streams the file once: bytes, lines and SHA-256 over the whole file; the sniff, byte entropy,
     * UTF-8 decoding with replacement, tokens and features (cleared first) over the first text-cap bytes. Null only if {@code abandoned} turned true mid-file (checked every 64 buffers).
     */
    public FileAnalysis analyze(final Path path, final SparseFeatures features, final BooleanSupplier abandoned) throws IOException
    {
        features.clear();
        begin();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))
        {
            for (int buffers = 0; ; buffers++)
            {
                if (buffers > 0 && buffers % ABANDON_CHECK_BUFFERS == 0 && abandoned.getAsBoolean())
                {
                    digestInto();
                    return null;
                }
                final int n = fill(channel);
                if (n == 0)
                {
                    break;
                }
                consume(bytes, 0, n);
                if (n < bytes.length)
                {
                    break;
                }
            }
        }
        return finish(features);
    }

    /** The same analysis of {@code content[0, length)}, from memory. */
    public FileAnalysis analyze(final byte[] content, final int length, final SparseFeatures features)
    {
        features.clear();
        begin();
        for (int offset = 0; offset < length; offset += BUFFER_BYTES)
        {
            consume(content, offset, Math.min(BUFFER_BYTES, length - offset));
        }
        return finish(features);
    }

    /** SHA-256 of all bytes of the last analyze call, a new 32-byte array. */
    public byte[] contentHash()
    {
        return hash.clone();
    }

    private void begin()
    {
        digest.reset();
        Arrays.fill(histogram, 0);
        size = 0;
        newlines = 0;
        last = '\n';
        binary = false;
        textLength = 0;
    }

    /** One block; the first one of a file is at least 8 KiB unless the file is shorter. */
    private void consume(final byte[] block, final int offset, final int length)
    {
        if (size == 0)
        {
            final int sniffed = Math.min(length, TextSniffer.SNIFF_BYTES);
            binary = TextSniffer.looksBinary(block, offset, sniffed, length <= TextSniffer.SNIFF_BYTES);
        }
        digest.update(block, offset, length);
        final long[] hist = histogram;
        long lf = 0;
        final int end = offset + length;
        final int analysedEnd = offset + (int) Math.min(length, Math.max(0, textCap - size));
        for (int i = offset; i < analysedEnd; i++)
        {
            final int b = block[i] & 0xFF;
            hist[b]++;
            if (b == '\n')
            {
                lf++;
            }
        }
        for (int i = analysedEnd; i < end; i++)
        {
            if (block[i] == '\n')
            {
                lf++;
            }
        }
        newlines += lf;
        last = block[end - 1];
        size += length;
        if (!binary && textLength < textCap)
        {
            final int take = Math.min(length, textCap - textLength);
            System.arraycopy(block, offset, text, textLength, take);
            textLength += take;
        }
    }

    private FileAnalysis finish(final SparseFeatures features)
    {
        digestInto();
        final long lines = newlines + (size > 0 && last != '\n' ? 1 : 0);
        final double entropy = entropy();
        if (size == 0)
        {
            return new FileAnalysis(0, 0, 0, 0.0, ContentKind.EMPTY, 0);
        }
        if (binary)
        {
            return new FileAnalysis(size, lines, 0, entropy, ContentKind.BINARY, 0);
        }
        final long tokens = featurizer.featurize(chars, decode(), features);
        return new FileAnalysis(size, lines, tokens, entropy, ContentKind.TEXT, textLength);
    }

    /** Decodes the text prefix into {@code chars}; UTF-8 never yields more chars than bytes. */
    private int decode()
    {
        textIn.clear().limit(textLength);
        charsOut.clear();
        decoder.reset();
        decoder.decode(textIn, charsOut, true);
        decoder.flush(charsOut);
        return charsOut.position();
    }

    private void digestInto()
    {
        try
        {
            digest.digest(hash, 0, hash.length);
        }
        catch (final DigestException e)
        {
            throw new IllegalStateException("a 32-byte array holds a SHA-256 digest", e);
        }
    }

    private double entropy()
    {
        if (size == 0)
        {
            return 0.0;
        }
        final long analysed = Math.min(size, textCap);
        double sum = 0;
        for (final long count : histogram)
        {
            if (count > 0)
            {
                sum += count * Math.log(count);
            }
        }
        // H = log N - (1/N) sum c log c, in bits
        final double bits = (Math.log(analysed) - sum / analysed) / LN_2;
        return Math.max(0.0, bits);
    }

    private int fill(final FileChannel channel) throws IOException
    {
        buffer.clear();
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) <= 0)
            {
                break;
            }
        }
        return buffer.position();
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
