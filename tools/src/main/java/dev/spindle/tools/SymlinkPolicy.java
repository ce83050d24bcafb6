package dev.spindle.tools;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a symlink met inside DIR becomes: one to a regular file that (fully resolved) stays inside
 * DIR is followed to that real file; one to a directory inside DIR (not enclosing the link) is an
 * alias of a directory the walk reaches anyway, so it is skipped and not counted; anything else fails
 * with a reason and is never opened. Directory symlinks are never descended: no loops, no double counts.
 */
final class SymlinkPolicy
{
    /** The real file to open, why the link is not followed ({@code failure}), or {@code alias}: not a file at all. */
    record Resolution(Path target, long sizeBytes, String failure, boolean alias)
    {
        static final Resolution ALIAS = new Resolution(null, 0, null, true);

        static Resolution failed(final String failure)
        {
            return new Resolution(null, 0, failure, false);
        }
    }

    private final Path realRoot;

    SymlinkPolicy(final Path realRoot)
    {
        this.realRoot = realRoot;
    }

    Resolution resolve(final Path link)
    {
        final String arrow = arrowOf(link);
        final Path real;
        try
        {
            real = link.toRealPath();
        }
        catch (final NoSuchFileException e)
        {
            return Resolution.failed("dangling symlink" + arrow);
        }
        catch (final IOException e)
        {
            final String reason = StatFileProcessor.reasonOf(e);
            return Resolution.failed(isLoop(e) ? "symlink loop" + arrow : "unresolvable symlink" + arrow + ": " + reason);
        }
        if (!real.startsWith(realRoot))
        {
            return Resolution.failed("symlink escapes DIR, not followed" + arrow);
        }
        final BasicFileAttributes attrs;
        try
        {
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        catch (final NoSuchFileException e)
        {
            return Resolution.failed(StatFileProcessor.VANISHED);
        }
        catch (final IOException e)
        {
            return Resolution.failed("unresolvable symlink" + arrow + ": " + StatFileProcessor.reasonOf(e));
        }
        if (attrs.isDirectory())
        {
            return enclosesLink(real, link)
                ? Resolution.failed("symlink loop: points to an enclosing directory, not followed" + arrow)
                : Resolution.ALIAS;
        }
        if (!attrs.isRegularFile())
        {
            return Resolution.failed("not a regular file: " + FileKind.describe(real) + " (via symlink" + arrow + ")");
        }
        return new Resolution(real, attrs.size(), null, false);
    }

    private static boolean isLoop(final IOException e)
    {
        return e instanceof FileSystemException fse && fse.getReason() != null
            && fse.getReason().contains("levels of symbolic links");
    }

    private static boolean enclosesLink(final Path realDirectory, final Path link)
    {
        try
        {
            return link.toAbsolutePath().getParent().toRealPath().startsWith(realDirectory);
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    private static String arrowOf(final Path link)
    {
        try
        {
            return " -> " + Files.readSymbolicLink(link);
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            return "";
        }
    }
}
