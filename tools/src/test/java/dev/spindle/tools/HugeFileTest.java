package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A huge file through the real CLI and the ML processor: a 2 GiB sparse file (as {@code truncate -s}
 * makes) with a text head, under a batch timeout of one second, which hashing 2 GiB far outlasts. It
 * succeeds because the batch's deadline grows with the bytes its cost says it must read; its analysis
 * covers the text cap and its SHA-256 every byte.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HugeFileTest
{
    static final long SIZE = 2L << 30;
    /** Text well past the sniff's 8 KiB, so the file is text; zeros follow. */
    static final String HEAD = "a huge log file with a text head\n".repeat(1_000);

    @TempDir
    Path base;

    @Test
    void aSparseFileOfGigabytesSucceedsPastAShortBatchTimeout() throws Exception
    {
        final Path tree = Files.createDirectory(base.resolve("tree"));
        final Path huge = tree.resolve("huge.log");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw"))
        {
            file.write(HEAD.getBytes(StandardCharsets.US_ASCII));
            file.setLength(SIZE);
        }
        final Path out = base.resolve("out");
        final RunCommand run = new RunCommand();
        run.engineSettings = builder -> builder.batchTimeout(Duration.ofSeconds(1));

        final CliRun cli = CliRun.with(run, "run", tree.toString(), "--no-cache", "--out", out.toString(), "--workers", "1");

        assertEquals(ExitCodes.OK, cli.exitCode(), cli.out() + cli.err());
        final List<Map<String, Object>> index = MlRunCommandTest.index(out);
        assertEquals(1, index.size());
        final Map<String, Object> line = index.get(0);
        assertEquals("succeeded", line.get("status"));
        assertEquals((double) SIZE, line.get("size"));
        assertEquals("text", line.get("kind"));
        assertEquals(true, line.get("truncated"), "only the text cap is analysed");
        assertEquals(1_001.0, line.get("lines"), "lines count every byte: the head's and the unterminated run of zeros");
        assertEquals(sha256(HEAD, SIZE), line.get("sha256"), "the hash covers every byte");
    }

    private static String sha256(final String head, final long size) throws Exception
    {
        final MessageDigest digest = MessageDigest.getInstance("SHA-256");
        final byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        digest.update(start);
        final byte[] zeros = new byte[1 << 16];
        for (long left = size - start.length; left > 0; left -= zeros.length)
        {
            digest.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
