package dev.spindle.tools.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming analysis on real files: counts, sniff, cap, decoding, entropy, abandon. */
class FileAnalyzerTest
{
    private static final EmbeddingConfig SMALL = EmbeddingConfig.DEFAULT.withSize(64, 1 << 12);

    @TempDir
    Path dir;

    private final FileAnalyzer analyzer = new FileAnalyzer(SMALL);
    private final SparseFeatures features = new SparseFeatures(SMALL);

    private FileAnalysis analyzeFile(final String name, final byte[] content) throws IOException
    {
        final Path file = Files.write(dir.resolve(name), content);
        return analyzer.analyze(file, features, () -> false);
    }

    private static byte[] utf8(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textCountsTokensAndFeaturesAscending() throws IOException
    {
        final FileAnalysis a = analyzeFile("t.txt", utf8("Hello, World! hello-world 42\n"));
        assertEquals(ContentKind.TEXT, a.kind());
        assertEquals(29, a.bytes());
        assertEquals(1, a.lines());
        assertEquals(5, a.tokens());
        assertEquals(29, a.textBytes());
        assertFalse(a.truncated());
        assertTrue(features.size() > 0);
        for (int i = 1; i < features.size(); i++)
        {
            assertTrue(features.bucket(i - 1) < features.bucket(i));
            assertTrue(features.value(i) != 0f);
        }
    }

    @Test
    void fileOverTheCapIsCountedWholeButEmbeddedOnlyToTheCap() throws IOException
    {
        final EmbeddingConfig config = EmbeddingConfig.DEFAULT;
        final FileAnalyzer big = new FileAnalyzer(config);
        final byte[] line = utf8("lorem ipsum dolor sit amet\n");
        final byte[] content = new byte[3 * 1024 * 1024];
        for (int i = 0; i < content.length; i++)
        {
            content[i] = line[i % line.length];
        }
        final Path file = Files.write(dir.resolve("big.txt"), content);
        final FileAnalysis a = big.analyze(file, new SparseFeatures(config), () -> false);
        assertEquals(content.length, a.bytes());
        assertEquals(config.textCapBytes(), a.textBytes());
        assertTrue(a.truncated());
        assertEquals(content.length / line.length + 1, a.lines());
        assertEquals(5L * config.textCapBytes() / line.length, a.tokens(), 5);
    }

    @Test
    void binaryAndEmptyFilesHaveNoFeatures() throws IOException
    {
        final FileAnalysis text = analyzeFile("warm.txt", utf8("leave features behind"));
        assertEquals(ContentKind.TEXT, text.kind());
        final byte[] bin = utf8("looks like text\u0000 but has a NUL");
        final FileAnalysis b = analyzeFile("nul.bin", bin);
        assertEquals(ContentKind.BINARY, b.kind());
        assertEquals(bin.length, b.bytes());
        assertEquals(0, b.tokens());
        assertEquals(0, b.textBytes());
        assertEquals(0, features.size());
        assertFalse(b.truncated());

        analyzeFile("warm2.txt", utf8("more features"));
        final FileAnalysis e = analyzeFile("empty", new byte[0]);
        assertEquals(new FileAnalysis(0, 0, 0, 0.0, ContentKind.EMPTY, 0), e);
        assertEquals(0, features.size());
    }

    @Test
    void invalidUtf8AfterTheSniffIsReplacedNotThrown() throws IOException
    {
        final StringBuilder text = new StringBuilder();
        while (text.length() < 10_000)
        {
            text.append("word ");
        }
        final byte[] head = utf8(text.toString());
        final byte[] tail = utf8(" tail\n");
        final byte[] content = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte)0xFF;
        content[head.length + 1] = (byte)0xC3;
        content[head.length + 2] = (byte)0x28;
        System.arraycopy(tail, 0, content, head.length + 3, tail.length);
        final FileAnalysis a = analyzeFile("bad.txt", content);
        assertEquals(ContentKind.TEXT, a.kind());
        // "word" x 2000, then "(" after the bad bytes is a separator, then "tail"
        assertEquals(2001, a.tokens());

        content[10] = (byte)0xFF;
        assertEquals(ContentKind.BINARY, analyzeFile("early.bin", content).kind());
    }

    @Test
    void lineCountRule() throws IOException
    {
        assertEquals(0, analyzeFile("l0", new byte[0]).lines());
        assertEquals(1, analyzeFile("l1", utf8("abc")).lines());
        assertEquals(1, analyzeFile("l2", utf8("abc\n")).lines());
        assertEquals(1, analyzeFile("l3", utf8("\n")).lines());
        assertEquals(2, analyzeFile("l4", utf8("a\nb")).lines());
        assertEquals(2, analyzeFile("l5", utf8("a\nb\n")).lines());
        assertEquals(3, analyzeFile("l6", utf8("a\n\nb")).lines());
    }

    @Test
    void pastTheTextCapOnlyHashAndLinesSeeTheBytes() throws IOException
    {
        final FileAnalyzer capped = new FileAnalyzer(SMALL.withTextCap(1_000));
        final byte[] content = new byte[50_000];
        Arrays.fill(content, (byte)'x');
        for (int i = 1_000; i < content.length; i++)
        {
            content[i] = (byte)(i % 7 == 0 ? '\n' : 'a' + i % 26);
        }
        final FileAnalysis a = capped.analyze(Files.write(dir.resolve("capped.txt"), content), new SparseFeatures(SMALL), () -> false);
        assertEquals(0.0, a.entropy(), 1e-9, "entropy describes the analysed prefix: 1,000 x's");
        assertEquals(content.length, a.bytes());
        assertEquals(7_000 + 1, a.lines(), "every newline past the cap is counted, and the unterminated last line");
        assertTrue(a.truncated());
    }

    @Test
    void entropyOfOneByteIsZeroAndOfAllBytesIsEight() throws IOException
    {
        final byte[] same = new byte[100_000];
        Arrays.fill(same, (byte)'x');
        assertEquals(0.0, analyzeFile("same", same).entropy(), 1e-9);
        final byte[] all = new byte[256 * 300];
        for (int i = 0; i < all.length; i++)
        {
            all[i] = (byte)i;
        }
        final FileAnalysis a = analyzeFile("all", all);
        assertEquals(8.0, a.entropy(), 1e-9);
        assertEquals(ContentKind.BINARY, a.kind());
        assertEquals(1.0, analyzeFile("two", utf8("abab")).entropy(), 1e-9);
    }

    @Test
    void pathAndMemoryAnalysesAgree() throws Exception
    {
        final Random random = new Random(7);
        final String[] words = {"alpha", "Beta", "gamma", "delta\u00e9", "\u65e5\u672c", "x1", "\ud83d\ude00"};
        final StringBuilder text = new StringBuilder();
        while (text.length() < 300_000)
        {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? "\n" : " ");
        }
        final byte[] content = utf8(text.toString());
        final FileAnalysis fromFile = analyzeFile("mixed.txt", content);
        final byte[] fileHash = analyzer.contentHash();
        final int[] buckets = new int[features.size()];
        final float[] values = new float[features.size()];
        for (int i = 0; i < buckets.length; i++)
        {
            buckets[i] = features.bucket(i);
            values[i] = features.value(i);
        }

        final SparseFeatures other = new SparseFeatures(SMALL);
        final FileAnalysis fromMemory = new FileAnalyzer(SMALL).analyze(content, content.length, other);
        assertEquals(fromFile, fromMemory);
        assertTrue(fromFile.truncated());
        assertEquals(buckets.length, other.size());
        for (int i = 0; i < buckets.length; i++)
        {
            assertEquals(buckets[i], other.bucket(i));
            assertEquals(values[i], other.value(i));
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), fileHash);
        assertEquals(32, fileHash.length);
    }

    @Test
    void abandonedMidFileGivesNull() throws IOException
    {
        final Path file = Files.write(dir.resolve("large.txt"), new byte[6 * 1024 * 1024]);
        final int[] asked = new int[1];
        assertNull(analyzer.analyze(file, features, () -> ++asked[0] > 0));
        assertEquals(1, asked[0]);
        assertEquals(6L * 1024 * 1024, analyzer.analyze(file, features, () -> false).bytes());
    }
}
