package dev.spindle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.spindle.engine.Outcome;

/**
 * Builds a directory holding every awkward entry `spindle run` must survive, and records the exact
 * outcome each one must end with (keyed by its path relative to the tree, as the walker shows it).
 * The UNIX socket stays bound until {@link #close}.
 */
final class HostileTree implements AutoCloseable
{
    /** A skipped entry reaches the engine as a success without a result; its reason is the walker's, prefixed "skipped: ". */
    record Expected(Outcome outcome, String reason, FileStats stats, boolean skipped)
    {
        Expected(final Outcome outcome, final String reason, final FileStats stats)
        {
            this(outcome, reason, stats, false);
        }
    }

    static final String VANISHING = "vanish.txt";
    static final String ESCAPES = "symlink leaves DIR, not followed (--follow-links follows it) -> ";
    static final long BIG_BYTES = 50L * 1024 * 1024;
    static final String SHA_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String TEXT = "hello\nworld\n";
    static final String SHA_TEXT = "4a1e67f2fe1d1cc7b31d0ca2ec441da4778203a036a77da10344c85e24ff0f92";

    final Path root;
    final Path outside;
    final Map<String, Expected> expected = new LinkedHashMap<>();
    private ServerSocketChannel socket;

    HostileTree(final Path base) throws Exception
    {
        root = Files.createDirectory(base.resolve("tree"));
        outside = base.resolve("outside.txt");
        Files.writeString(outside, "not yours\n");
        regularFiles();
        specialFiles();
        symlinks();
        oddNames();
    }

    private void regularFiles() throws Exception
    {
        Files.createFile(root.resolve("empty"));
        succeeds("empty", new FileStats(0, 0, SHA_EMPTY, false));
        Files.writeString(root.resolve("text.txt"), TEXT);
        succeeds("text.txt", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
        Files.createDirectories(root.resolve("nested/deep"));
        Files.writeString(root.resolve("nested/deep/file.txt"), TEXT);
        succeeds("nested/deep/file.txt", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
        Files.write(root.resolve("binary.dat"), new byte[] {1, 2, 0, 3, (byte)0xFF});
        expected.put("binary.dat", new Expected(Outcome.SUCCEEDED, null, null));
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.sparse").toFile(), "rw"))
        {
            big.setLength(BIG_BYTES);
        }
        succeeds("big.sparse", new FileStats(BIG_BYTES, 1, StatFileProcessorTest.zerosSha256(BIG_BYTES), true));
        Files.writeString(root.resolve(VANISHING), "here during the walk\n");
        fails(VANISHING, "vanished before processing");

        final Path locked = root.resolve("locked.txt");
        Files.writeString(locked, TEXT);
        Files.setPosixFilePermissions(locked, EnumSet.noneOf(PosixFilePermission.class));
        if (readable(locked))
        {
            // root (CAP_DAC_OVERRIDE) reads a mode-000 file; SubprocessRunTest drops that capability
            succeeds("locked.txt", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
        }
        else
        {
            fails("locked.txt", "permission denied");
        }
    }

    private void specialFiles() throws IOException
    {
        if (Shell.has("mkfifo"))
        {
            assertEquals(0, Shell.run(root, "mkfifo fifo"));
            fails("fifo", "not a regular file: fifo");
            Files.createSymbolicLink(root.resolve("link-to-fifo"), Path.of("fifo"));
            fails("link-to-fifo", "not a regular file: fifo (via symlink -> fifo)");
        }
        socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        socket.bind(UnixDomainSocketAddress.of(root.resolve("sock")));
        fails("sock", "not a regular file: socket");
        if (Shell.has("mknod") && Shell.run(root, "mknod null-device c 1 3 2>/dev/null") == 0)
        {
            fails("null-device", "not a regular file: character device");
        }
    }

    private void symlinks() throws IOException
    {
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("missing-target"));
        skips("dangling", "dangling symlink -> missing-target");
        Files.createSymbolicLink(root.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(root.resolve("loop-b"), Path.of("loop-a"));
        skips("loop-a", "symlink loop -> loop-b");
        skips("loop-b", "symlink loop -> loop-a");
        Files.createDirectory(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("sub/up"), Path.of(".."));
        skips("sub/up", "symlink loop: points to an enclosing directory, not followed -> ..");
        Files.createSymbolicLink(root.resolve("sub/self"), Path.of("."));
        skips("sub/self", "symlink loop: points to an enclosing directory, not followed -> .");
        Files.createDirectory(root.resolve("other"));
        Files.writeString(root.resolve("other/o.txt"), TEXT);
        succeeds("other/o.txt", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
        Files.createSymbolicLink(root.resolve("sub/to-other"), Path.of("../other"));
        // An alias of a directory inside the tree: not a file, not counted; other/o.txt is counted once.
        Files.createSymbolicLink(root.resolve("escape-absolute"), outside);
        skips("escape-absolute", ESCAPES + outside);
        Files.createSymbolicLink(root.resolve("escape-relative"), Path.of("../outside.txt"));
        skips("escape-relative", ESCAPES + "../outside.txt");
        Files.createSymbolicLink(root.resolve("escape-dir"), Path.of("/"));
        skips("escape-dir", ESCAPES + "/");
        Files.createSymbolicLink(root.resolve("link-to-text"), Path.of("text.txt"));
        succeeds("link-to-text", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
        Files.createSymbolicLink(root.resolve("nested/link-up-to-text"), Path.of("../text.txt"));
        succeeds("nested/link-up-to-text", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
    }

    /** Names that are not valid UTF-8: the JVM shows U+FFFD but must still open the file by its bytes. */
    private void oddNames()
    {
        assertEquals(0, Shell.run(root, "printf 'hello\\nworld\\n' > \"$(printf 'bad\\377name')\""));
        succeeds("bad\uFFFDname", new FileStats(TEXT.length(), 2, SHA_TEXT, false));
        if (Shell.has("mkfifo"))
        {
            assertEquals(0, Shell.run(root, "mkfifo \"$(printf 'fifo\\377')\""));
            fails("fifo\uFFFD", "not a regular file: fifo");
            assertEquals(0, Shell.run(root, "mkfifo \"$(printf 'odd\\n\"\\\\q\\tz')\""));
            fails("odd\n\"\\q\tz", "not a regular file: fifo");
        }
        assertEquals(0, Shell.run(root, "printf 'x' > \"$(printf 'new\\nline')\""));
        succeeds("new\nline", new FileStats(1, 1, "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", false));
    }

    private void succeeds(final String name, final FileStats stats)
    {
        expected.put(name, new Expected(Outcome.SUCCEEDED, null, stats));
    }

    private void fails(final String name, final String reason)
    {
        expected.put(name, new Expected(Outcome.FAILED, reason, null));
    }

    private void skips(final String name, final String reason)
    {
        expected.put(name, new Expected(Outcome.SUCCEEDED, "skipped: " + reason, null, true));
    }

    /** Entries expected to end with {@code outcome} (skipped ones not counted as succeeded). */
    long count(final Outcome outcome)
    {
        return expected.values().stream().filter(e -> e.outcome() == outcome && !e.skipped()).count();
    }

    long skipped()
    {
        return expected.values().stream().filter(Expected::skipped).count();
    }

    String relative(final String key)
    {
        final String prefix = root + "/";
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static boolean readable(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            in.read();
            return true;
        }
        catch (final AccessDeniedException e)
        {
            return false;
        }
    }

    @Override
    public void close() throws IOException
    {
        if (socket != null)
        {
            socket.close();
        }
    }
}
