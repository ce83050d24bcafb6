package dev.spindle.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes a tree of many tiny text files fast: {@code dirs} folders of {@code perDir} files of 1-200
 * random lower-case letters and spaces (nearly every content distinct, so each is analysed and
 * embedded), one channel write per file and no per-file garbage beyond the path.
 */
final class TinyFileTree
{
    static final int MAX_BYTES = 200;

    private TinyFileTree()
    {
    }

    /** Writes the tree under {@code root} (created); returns the number of files written. */
    static long write(final Path root, final int dirs, final int perDir, final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final ByteBuffer buffer = ByteBuffer.allocate(MAX_BYTES);
        long files = 0;
        for (int d = 0; d < dirs; d++)
        {
            final Path dir = Files.createDirectories(root.resolve(String.format("d%05d", d)));
            for (int f = 0; f < perDir; f++)
            {
                buffer.clear();
                final int size = 1 + random.nextInt(MAX_BYTES);
                for (int i = 0; i < size; i++)
                {
                    final int r = random.nextInt(32);
                    buffer.put((byte) (r < 26 ? 'a' + r : ' '));
                }
                buffer.flip();
                try (FileChannel out = FileChannel.open(dir.resolve("f" + f + ".txt"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
                {
                    while (buffer.hasRemaining())
                    {
                        out.write(buffer);
                    }
                }
                files++;
            }
        }
        return files;
    }
}
