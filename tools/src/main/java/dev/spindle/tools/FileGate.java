package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import dev.spindle.engine.Batch;

/**
 * What every file processor checks before it reads a file, and how a failed read is worded, so the
 * stat and ML processors end each hostile entry the same way. Opens nothing that is not a regular
 * file at the moment it looks (an lstat just before the open; a swap in that window is not caught).
 */
final class FileGate
{
    static final String VANISHED = "vanished before processing";

    private FileGate()
    {
    }

    /**
     * Settles item {@code index} without touching the file system when the walk already judged it (failed, or skipped:
     * a skipped entry succeeds with no result, and the run's tally counts it as skipped) or it has no path.
     */
    static boolean settledUnopened(final Batch<FileItem> batch, final int index, final FileItem item)
    {
        if (item.skipped())
        {
            batch.succeed(index, null);
            return true;
        }
        if (item.prejudged())
        {
            batch.fail(index, item.failureReason());
            return true;
        }
        if (item.path() == null)
        {
            batch.fail(index, "no file path");
            return true;
        }
        return false;
    }

    /** The file's attributes, or null after failing the item because it is no longer a regular file. */
    static BasicFileAttributes regularFile(final Batch<FileItem> batch, final int index, final Path path) throws IOException
    {
        final BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile())
        {
            batch.fail(index, "not a regular file: " + FileKind.describe(path) + " (changed since the walk)");
            return null;
        }
        return attrs;
    }

    /** The one-line reason a file that could not be read fails with. */
    static String failure(final IOException e)
    {
        if (e instanceof NoSuchFileException)
        {
            return VANISHED;
        }
        if (e instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        return "read error: " + StatFileProcessor.reasonOf(e);
    }
}
