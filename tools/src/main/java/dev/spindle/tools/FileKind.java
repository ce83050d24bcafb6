package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Names the kind of a non-regular file (fifo, socket, device) from its mode bits, for failure
 * reasons. Costs one extra lstat, so it is only asked about entries that already failed the
 * regular-file test; a file system without the "unix" attribute view gets the generic "special file".
 */
final class FileKind
{
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFSOCK = 0140000;

    private FileKind()
    {
    }

    static String describe(final Path path)
    {
        try
        {
            final Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer bits ? ofMode(bits) : "special file";
        }
        catch (final IOException | UnsupportedOperationException | IllegalArgumentException e)
        {
            return "special file";
        }
    }

    static String ofMode(final int mode)
    {
        switch (mode & S_IFMT)
        {
            case S_IFIFO:
                return "fifo";
            case S_IFSOCK:
                return "socket";
            case S_IFCHR:
                return "character device";
            case S_IFBLK:
                return "block device";
            case S_IFDIR:
                return "directory";
            case S_IFLNK:
                return "symlink";
            case S_IFREG:
                return "regular file";
            default:
                return "special file";
        }
    }
}
