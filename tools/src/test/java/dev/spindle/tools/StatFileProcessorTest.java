package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.spindle.engine.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests and line counts against published SHA-256 vectors, files spanning many buffers, and how
 * the processor settles items it must not or cannot read. Runs outside any engine.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StatFileProcessorTest
{
    private static final String SHA_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA_HELLO_NL = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    /** FIPS 180-2 test vector: one million 'a'. */
    private static final String SHA_MILLION_A = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

    @TempDir
    Path dir;

    private final StatFileProcessor processor = new StatFileProcessor();

    private FileStats stat(final String name, final byte[] content) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.write(file, content);
        return processor.stat(file);
    }

    private FileStats stat(final String name, final String content) throws IOException
    {
        return stat(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void knownDigestsAndLineCounts() throws IOException
    {
        assertEquals(new FileStats(0, 0, SHA_EMPTY, false), stat("empty", ""));
        assertEquals(new FileStats(3, 1, SHA_ABC, false), stat("abc", "abc"));
        assertEquals(new FileStats(6, 1, SHA_HELLO_NL, false), stat("hello", "hello\n"));
        final byte[] millionA = new byte[1_000_000];
        Arrays.fill(millionA, (byte)'a');
        assertEquals(new FileStats(1_000_000, 1, SHA_MILLION_A, false), stat("million", millionA));
    }

    @Test
    void linesCountNewlinesPlusAnUnterminatedLastLine() throws IOException
    {
        assertEquals(1, stat("nl", "\n").lines());
        assertEquals(3, stat("three-nl", "\n\n\n").lines());
        assertEquals(2, stat("terminated", "a\nb\n").lines());
        assertEquals(2, stat("unterminated", "a\nb").lines());
        assertEquals(2, stat("crlf", "a\r\nb\r\n").lines());
    }

    @Test
    void linesAndDigestAcrossManyBuffers() throws Exception
    {
        final StringBuilder text = new StringBuilder();
        int lines = 0;
        while (text.length() < 5 * StatFileProcessor.BUFFER_BYTES + 123)
        {
            text.append("line ").append(lines++).append('\n');
        }
        text.append("no newline at the end");
        lines++;
        final byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        final FileStats stats = stat("many-buffers", bytes);
        assertEquals(bytes.length, stats.sizeBytes());
        assertEquals(lines, stats.lines());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), stats.sha256Hex());
        assertFalse(stats.binary());
    }

    @Test
    void sniffsOnlyTheFirstBlock() throws IOException
    {
        assertTrue(stat("nul", new byte[] {'a', 0, 'b'}).binary());
        assertTrue(stat("latin1", new byte[] {'c', 'a', 'f', (byte)0xE9}).binary());
        final byte[] lateNul = new byte[TextSniffer.SNIFF_BYTES + 10];
        Arrays.fill(lateNul, (byte)'x');
        lateNul[lateNul.length - 1] = 0;
        assertFalse(stat("late-nul", lateNul).binary(), "bytes after the first block are not sniffed");
        final byte[] straddling = new byte[TextSniffer.SNIFF_BYTES + 2];
        Arrays.fill(straddling, (byte)'x');
        straddling[TextSniffer.SNIFF_BYTES - 1] = (byte)0xC3;
        straddling[TextSniffer.SNIFF_BYTES] = (byte)0xA9;
        assertFalse(stat("straddling", straddling).binary(), "an e-acute cut by the block edge is still text");
    }

    @Test
    void bigSparseFileIsStreamed() throws Exception
    {
        final long size = 50L * 1024 * 1024;
        final Path big = dir.resolve("big.sparse");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw"))
        {
            file.setLength(size);
        }
        final FileStats stats = processor.stat(big);
        assertEquals(size, stats.sizeBytes());
        assertEquals(1, stats.lines(), "no newline at all: one unterminated line");
        assertTrue(stats.binary());
        assertEquals(zerosSha256(size), stats.sha256Hex());
    }

    static String zerosSha256(final long size) throws Exception
    {
        final MessageDigest digest = MessageDigest.getInstance("SHA-256");
        final byte[] zeros = new byte[1 << 16];
        for (long left = size; left > 0; left -= zeros.length)
        {
            digest.update(zeros, 0, (int)Math.min(zeros.length, left));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void settlesEveryItemOfABatchWithAClearReason() throws IOException
    {
        final Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, "ok\n");
        final Path gone = dir.resolve("gone.txt");
        final Path subdir = Files.createDirectory(dir.resolve("subdir"));
        final List<FileItem> items = List.of(
            item(1, ok, null),
            item(2, gone, null),
            item(3, ok, "dangling symlink -> nowhere"),
            item(4, subdir, null),
            new FileItem().id(5).key("no path"));
        final RecordingBatch batch = new RecordingBatch(items);
        processor.process(batch.batch());
        assertEquals(Outcome.SUCCEEDED, batch.settled(0).outcome());
        assertEquals(new FileStats(3, 1, sha256("ok\n"), false), batch.settled(0).result());
        assertEquals(new RecordingBatch.Settled(Outcome.FAILED, null, "vanished before processing"), batch.settled(1));
        assertEquals(new RecordingBatch.Settled(Outcome.FAILED, null, "dangling symlink -> nowhere"), batch.settled(2),
            "a prejudged item fails with the walker's reason and is not opened");
        assertEquals(new RecordingBatch.Settled(Outcome.FAILED, null, "not a regular file: directory (changed since the walk)"),
            batch.settled(3));
        assertEquals(new RecordingBatch.Settled(Outcome.FAILED, null, "no file path"), batch.settled(4));
    }

    @Test
    void neverOpensAFifoEvenIfTheWalkerSawARegularFile() throws IOException
    {
        assumeTrue(Shell.has("mkfifo"), "mkfifo is not installed");
        assertEquals(0, Shell.run(dir, "mkfifo pipe"));
        final RecordingBatch batch = new RecordingBatch(List.of(item(1, dir.resolve("pipe"), null)));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> processor.process(batch.batch()));
        assertEquals(new RecordingBatch.Settled(Outcome.FAILED, null, "not a regular file: fifo (changed since the walk)"),
            batch.settled(0));
    }

    @Test
    void anAbandonedBatchIsLeftAlone() throws IOException
    {
        final Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, "ok\n");
        final RecordingBatch batch = new RecordingBatch(List.of(item(1, ok, null)));
        batch.abandon();
        processor.process(batch.batch());
        assertNull(batch.settled(0));
    }

    private static FileItem item(final long id, final Path path, final String prejudged)
    {
        return FileItem.ofPath(id, path, 0).seen(path).failure(prejudged);
    }

    private static String sha256(final String text)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new AssertionError(e);
        }
    }
}
